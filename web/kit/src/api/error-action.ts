/** What a person can do about an error. */
export type ErrorAction =
  'retry' | 'reconnect' | 'sign-in' | 'start-again' | 'wait' | 'contact-support'
