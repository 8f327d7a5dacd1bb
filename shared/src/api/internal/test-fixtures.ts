// Valid example values shared by the contract tests.
export const BANK_ID = '1ffe704d39629a929c8e293880fb449a'
export const CONNECTION_ID = `${BANK_ID}:567da9db-7296-4dc0-8a99-7b20dea8d21f`
export const ACCOUNT_ID = 'ac9bd177-d01e-449c-9f29-d3656d2edc2e'
export const FLOW_ID = 'q3Yt1kzF0bqXoJd8m2cS5w'
export const NOW = '2026-11-22T00:00:00.000Z'
