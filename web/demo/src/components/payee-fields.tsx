import { FormField } from './form-field'
import type { FieldErrors } from './form-checks'

/** A payee typed in: name, sort code and account number as the person entered them. */
export interface PayeeInput {
  readonly name: string
  readonly sortCode: string
  readonly accountNumber: string
}

/** An empty payee. */
export const emptyPayee: PayeeInput = { name: '', sortCode: '', accountNumber: '' }

/**
 * The payee as the contract wants it: spaces and dashes people type in sort codes and account
 * numbers removed, the name trimmed.
 */
export function toPayee(payee: PayeeInput) {
  return {
    name: payee.name.trim(),
    sortCode: payee.sortCode.replace(/[\s-]/g, ''),
    accountNumber: payee.accountNumber.replace(/\s/g, ''),
  }
}

/** The demo's wording of a payee problem, by field path. */
export const payeeWords: Readonly<Record<string, string>> = {
  'payee.name': 'Enter the name on the payee’s account (no line breaks).',
  'payee.sortCode': 'Enter the 6-digit sort code, like 12-34-56.',
  'payee.accountNumber': 'Enter the 8-digit account number.',
}

/** The three payee inputs, with their errors. */
export function PayeeFields({
  idPrefix,
  payee,
  errors,
  onChange,
}: {
  readonly idPrefix: string
  readonly payee: PayeeInput
  readonly errors: FieldErrors
  readonly onChange: (payee: PayeeInput) => void
}) {
  return (
    <fieldset className="demo-fieldset">
      <legend>Who to pay</legend>
      <FormField
        id={`${idPrefix}-payee-name`}
        label="Payee name"
        autoComplete="off"
        value={payee.name}
        error={errors['payee.name']}
        onChange={(event) => onChange({ ...payee, name: event.target.value })}
      />
      <FormField
        id={`${idPrefix}-sort-code`}
        label="Sort code"
        inputMode="numeric"
        autoComplete="off"
        value={payee.sortCode}
        error={errors['payee.sortCode']}
        onChange={(event) => onChange({ ...payee, sortCode: event.target.value })}
      />
      <FormField
        id={`${idPrefix}-account-number`}
        label="Account number"
        inputMode="numeric"
        autoComplete="off"
        value={payee.accountNumber}
        error={errors['payee.accountNumber']}
        onChange={(event) => onChange({ ...payee, accountNumber: event.target.value })}
      />
    </fieldset>
  )
}
