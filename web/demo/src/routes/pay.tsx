import {
  BankPicker,
  describePaymentError,
  formatMoney,
  usePayees,
  usePayment,
  parsePounds,
} from '@mhkit/react'
import { usePaymentChecks, type FieldIssue, type PaymentChecks } from '@mhkit/react/checks'
import {
  useId,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
} from 'react'
import { TitledErrorNotice } from '../components/titled-error-notice'
import { useEventLog } from '../event-log'
import { CALLBACK_PATH, navigate } from '../router'
import { formErrorAction } from '../components/form-error-action'

// What to tell the person for each field the shared rules refuse: what is wrong and what
// to type instead (zod's own wording is for developers).
const FIELD_HELP: Readonly<Record<string, string>> = {
  amount: 'Enter an amount from £0.01 to £1,000,000, in pounds and pence (for example 12.50).',
  payeeId: 'Choose a payee, or enter new bank details.',
  'payee.name': 'Enter the name on the payee’s account (up to 140 characters).',
  'payee.sortCode': 'Enter the 6-digit sort code, for example 12-34-56.',
  'payee.accountNumber': 'Enter the 8-digit account number.',
  payeeRef: 'Use 1 to 18 letters, digits, spaces or - . / & (at least one letter or digit).',
  payerRef: 'Use 1 to 18 letters, digits, spaces or - . / & (at least one letter or digit).',
}

interface Form {
  amount: string
  payeeChoice: string
  name: string
  sortCode: string
  accountNumber: string
  payeeRef: string
  payerRef: string
  bankId: string | undefined
  mode: 'redirect' | 'popup'
}

const EMPTY: Form = {
  amount: '',
  payeeChoice: 'new',
  name: '',
  sortCode: '',
  accountNumber: '',
  payeeRef: '',
  payerRef: '',
  bankId: undefined,
  mode: 'redirect',
}

/** The `POST /api/payments` body the form describes; bank details typed with spaces or dashes are accepted. */
function paymentOf(form: Form) {
  const payee =
    form.payeeChoice === 'new'
      ? {
          payee: {
            name: form.name.trim(),
            sortCode: form.sortCode.replace(/[\s-]/g, ''),
            accountNumber: form.accountNumber.replace(/\s/g, ''),
          },
        }
      : { payeeId: form.payeeChoice }
  return {
    amount: parsePounds(form.amount) ?? Number.NaN,
    ...payee,
    payeeRef: form.payeeRef.trim(),
    payerRef: form.payerRef.trim(),
    ...(form.bankId === undefined ? {} : { bankId: form.bankId }),
  }
}

function fieldErrors(checks: PaymentChecks, form: Form): Record<string, string> {
  const issues: FieldIssue[] = checks.payment({ ...paymentOf(form), returnTo: CALLBACK_PATH })
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path === '' ? 'payeeId' : issue.path
    errors[key] ??= FIELD_HELP[key] ?? 'Check this field.'
  }
  return errors
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  readonly id: string
  readonly label: string
  readonly hint?: string
  readonly error: string | undefined
  readonly children: ReactNode
}) {
  return (
    <div className="demo-field" data-invalid={error === undefined ? undefined : 'true'}>
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <span className="demo-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children}
      {error === undefined ? null : (
        <span className="demo-field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  )
}

function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error === undefined ? '' : `${id}-error`].filter(Boolean)
  return ids.length === 0 ? undefined : ids.join(' ')
}

/**
 * The Pay screen: amount, a payee chosen from "your payees" or entered by bank details,
 * references, the bank to pay from and redirect or popup. Every field is checked with the
 * shared rules the BFF applies before anything is sent; a popup payment that succeeds opens
 * its status page, a redirect comes back through the shared callback page.
 */
export function PayScreen() {
  const id = useId()
  const { record } = useEventLog()
  const checks = usePaymentChecks()
  const payees = usePayees()
  const known = payees.data?.data ?? []
  const [form, setForm] = useState<Form>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const formRef = useRef<HTMLFormElement>(null)
  const payment = usePayment({
    returnTo: CALLBACK_PATH,
    mode: form.mode,
    onEvent: (event) => record(`payment:${event.type}`, event.mode),
    onSuccess: (flow) => {
      record('payment:success', flow.result?.status ?? '')
      const paymentId = flow.result?.paymentId
      if (paymentId !== undefined) navigate(`/payments/${encodeURIComponent(paymentId)}`)
    },
    onError: (error) => record('payment:error', error.code),
  })
  const busy = payment.isBusy
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }))
  const pence = parsePounds(form.amount) ?? Number.NaN

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (checks === undefined) return
    const found = fieldErrors(checks, form)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0] ?? ''
      document.getElementById(`${id}-${first.replace('.', '-')}`)?.focus()
      return
    }
    // Started in the submit handler itself, so a popup opens inside the click's activation.
    void payment.start(paymentOf(form)).catch(() => undefined)
  }

  const input = (
    name: string,
    key: 'amount' | 'name' | 'sortCode' | 'accountNumber' | 'payeeRef' | 'payerRef',
    extra: InputHTMLAttributes<HTMLInputElement> = {},
    hint = false,
  ) => {
    const fieldId = `${id}-${name.replace('.', '-')}`
    return (
      <input
        id={fieldId}
        className="demo-input"
        value={form[key]}
        aria-invalid={errors[name] === undefined ? undefined : true}
        aria-describedby={describedBy(fieldId, hint, errors[name])}
        onChange={(event) => set(key, event.target.value)}
        {...extra}
      />
    )
  }

  return (
    <section className="demo-panel" aria-labelledby="pay-heading">
      <h1 id="pay-heading">Make a payment</h1>
      <p className="demo-muted">
        You approve the payment at your own bank; this app never sees your bank login.
      </p>
      <form ref={formRef} className="demo-form" noValidate onSubmit={submit}>
        <Field
          id={`${id}-amount`}
          label="Amount (£)"
          hint="In pounds and pence, for example 12.50"
          error={errors.amount}
        >
          {input('amount', 'amount', { inputMode: 'decimal', autoComplete: 'off' }, true)}
        </Field>

        <fieldset className="demo-fieldset">
          <legend>Who are you paying?</legend>
          {known.length > 0 ? (
            <div className="demo-field">
              <label htmlFor={`${id}-payeeId`}>Payee</label>
              <select
                id={`${id}-payeeId`}
                className="demo-input"
                value={form.payeeChoice}
                aria-invalid={errors.payeeId === undefined ? undefined : true}
                onChange={(event) => set('payeeChoice', event.target.value)}
              >
                <optgroup label="Your payees">
                  {known.map((payee) => (
                    <option key={payee.id} value={payee.id}>
                      {payee.name}
                    </option>
                  ))}
                </optgroup>
                <option value="new">Someone new…</option>
              </select>
            </div>
          ) : null}
          {form.payeeChoice === 'new' ? (
            <>
              <Field id={`${id}-payee-name`} label="Payee name" error={errors['payee.name']}>
                {input('payee.name', 'name', { autoComplete: 'off' })}
              </Field>
              <div className="demo-field-row">
                <Field
                  id={`${id}-payee-sortCode`}
                  label="Sort code"
                  error={errors['payee.sortCode']}
                >
                  {input('payee.sortCode', 'sortCode', {
                    inputMode: 'numeric',
                    autoComplete: 'off',
                  })}
                </Field>
                <Field
                  id={`${id}-payee-accountNumber`}
                  label="Account number"
                  error={errors['payee.accountNumber']}
                >
                  {input('payee.accountNumber', 'accountNumber', {
                    inputMode: 'numeric',
                    autoComplete: 'off',
                  })}
                </Field>
              </div>
            </>
          ) : null}
          {errors.payeeId === undefined ? null : (
            <span className="demo-field-error">{errors.payeeId}</span>
          )}
        </fieldset>

        <div className="demo-field-row">
          <Field
            id={`${id}-payeeRef`}
            label="Reference for the payee"
            hint="Shown on their statement"
            error={errors.payeeRef}
          >
            {input('payeeRef', 'payeeRef', { maxLength: 18, autoComplete: 'off' }, true)}
          </Field>
          <Field
            id={`${id}-payerRef`}
            label="Your reference"
            hint="Shown on your statement"
            error={errors.payerRef}
          >
            {input('payerRef', 'payerRef', { maxLength: 18, autoComplete: 'off' }, true)}
          </Field>
        </div>

        <BankPicker
          kind="payments"
          label="Pay from (optional: you can also choose at the next step)"
          className="demo-bank-picker"
          {...(form.bankId === undefined ? {} : { value: form.bankId })}
          onChange={(bank) => set('bankId', bank.id)}
        />

        <fieldset className="demo-fieldset">
          <legend>How to open your bank</legend>
          <label className="demo-choice">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={form.mode === 'redirect'}
              onChange={() => set('mode', 'redirect')}
            />
            In this tab
          </label>
          <label className="demo-choice">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={form.mode === 'popup'}
              onChange={() => set('mode', 'popup')}
            />
            In a popup window
          </label>
        </fieldset>

        {Object.keys(errors).length > 0 ? (
          <p className="demo-alert" role="alert">
            Some details need checking. Nothing has been sent yet.
          </p>
        ) : null}
        <div className="demo-actions">
          <button type="submit" className="demo-button" disabled={busy || checks === undefined}>
            {Number.isNaN(pence) || pence <= 0
              ? 'Pay'
              : `Pay ${formatMoney({ value: pence, currency: 'GBP' })}`}
          </button>
          {payment.status === 'awaiting-user' && form.mode === 'popup' ? (
            <button
              type="button"
              className="demo-button"
              data-variant="secondary"
              onClick={payment.reset}
            >
              Cancel
            </button>
          ) : null}
          <span className="demo-muted" role="status">
            {payment.status === 'preparing'
              ? 'Preparing a secure payment…'
              : payment.status === 'awaiting-user'
                ? form.mode === 'popup'
                  ? 'Approve the payment in the popup window…'
                  : 'Taking you to your bank…'
                : payment.status === 'cancelled'
                  ? 'Payment cancelled. No money has moved.'
                  : ''}
          </span>
        </div>
        {payment.error === undefined ? null : (
          <TitledErrorNotice
            title="The payment was not made"
            error={payment.error}
            describe={describePaymentError}
            onAction={formErrorAction(formRef)}
          />
        )}
      </form>
    </section>
  )
}
