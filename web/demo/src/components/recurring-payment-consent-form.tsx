import {
  parsePounds,
  useRecurringPaymentConsent,
  type RecurringPaymentConsentOptions,
} from '@mhkit/react'
import { useState, type FormEvent } from 'react'
import { CALLBACK_PATH } from '../router'
import { FlowProgress } from './flow-progress'
import { FormField } from './form-field'
import type { FieldErrors } from './form-checks'
import { utcDate } from './utc-date'
import { emptyPayee, PayeeFields, payeeWords, toPayee, type PayeeInput } from './payee-fields'
import { useFormChecks } from './use-form-checks'
import { useFlowLog } from './use-flow-log'
import { ContinueToBank, FieldErrorSummary } from './bank-flow-form-parts'
import { AMOUNT_WORDS, REFERENCE_WORDS } from './field-words'

type Period = 'day' | 'week' | 'fortnight' | 'month' | 'half_year' | 'year'

const periods: readonly { readonly value: Period; readonly label: string }[] = [
  { value: 'day', label: 'per day' },
  { value: 'week', label: 'per week' },
  { value: 'fortnight', label: 'per fortnight' },
  { value: 'month', label: 'per month' },
  { value: 'half_year', label: 'per half-year' },
  { value: 'year', label: 'per year' },
]

interface LimitInput {
  readonly key: number
  readonly amount: string
  readonly period: Period
}

function words(path: string): string | undefined {
  if (path in payeeWords) return payeeWords[path]
  if (path === 'reference') return REFERENCE_WORDS
  if (path === 'validFromDate') return 'Enter the first day payments may be made.'
  if (path === 'validToDate')
    return 'Enter an end date on or after the start date, or leave it empty.'
  if (path === 'maximumIndividualAmount' || /^periodicLimits\.\d+\.amount$/.test(path))
    return AMOUNT_WORDS
  if (path === 'periodicLimits') return 'Give each period one limit only.'
  return undefined
}

/** The redirect and popup flows of a VRP consent, both logged and returning to the callback. */
function useLoggedConsent(mode: 'redirect' | 'popup') {
  const log = useFlowLog('vrp-consent', (flow) => flow.result?.recurringPaymentId ?? '')
  const options: RecurringPaymentConsentOptions = { mode, returnTo: CALLBACK_PATH, ...log }
  return useRecurringPaymentConsent(options)
}

/**
 * Asks the person's bank for a variable recurring payment permission: the payee, a reference,
 * the validity window, the most one payment may be and the limits per period. Every field is
 * checked with the shared schema before anything is sent; the bank is reached by a redirect or
 * in a popup.
 */
export function RecurringPaymentConsentForm() {
  const redirect = useLoggedConsent('redirect')
  const popup = useLoggedConsent('popup')
  const checkForm = useFormChecks()
  const [payee, setPayee] = useState<PayeeInput>(emptyPayee)
  const [reference, setReference] = useState('')
  const [validFrom, setValidFrom] = useState(utcDate)
  const [validTo, setValidTo] = useState('')
  const [maximum, setMaximum] = useState('')
  const [limits, setLimits] = useState<readonly LimitInput[]>([
    { key: 0, amount: '', period: 'month' },
  ])
  const [errors, setErrors] = useState<FieldErrors>({})
  const busy = redirect.isBusy || popup.isBusy

  const submit = async (mode: 'redirect' | 'popup') => {
    const own: Record<string, string> = {}
    const pence = (text: string, path: string): number => {
      const value = parsePounds(text)
      if (value === undefined) own[path] = AMOUNT_WORDS
      // A placeholder keeps the schema from reporting the same field a second time.
      return value ?? 1
    }
    const body = {
      payee: toPayee(payee),
      reference: reference.trim(),
      validFromDate: validFrom,
      ...(validTo === '' ? {} : { validToDate: validTo }),
      maximumIndividualAmount: pence(maximum, 'maximumIndividualAmount'),
      periodicLimits: limits.map((limit, i) => ({
        amount: pence(limit.amount, `periodicLimits.${i}.amount`),
        periodType: limit.period,
      })),
      type: ['other' as const],
    }
    const found = {
      ...(await checkForm('recurringPayment', { ...body, returnTo: CALLBACK_PATH }, words)),
      ...own,
    }
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const flow = mode === 'popup' ? popup : redirect
    ;(mode === 'popup' ? redirect : popup).reset()
    await flow.start(body).catch(() => undefined)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void submit('redirect')
  }

  const count = Object.keys(errors).length
  return (
    <form className="demo-form" noValidate aria-labelledby="vrp-new-heading" onSubmit={onSubmit}>
      <h2 id="vrp-new-heading">Set up a recurring payment permission</h2>
      <p className="demo-muted">
        Let this app pay the payee below whenever it needs to, up to the limits you set, without
        asking your bank each time. You can revoke the permission here at any time.
      </p>
      <FieldErrorSummary count={count} />
      <PayeeFields idPrefix="vrp" payee={payee} errors={errors} onChange={setPayee} />
      <fieldset className="demo-fieldset">
        <legend>Permission</legend>
        <FormField
          id="vrp-reference"
          label="Reference"
          hint="Shown on both statements, up to 18 characters."
          maxLength={18}
          value={reference}
          error={errors['reference']}
          onChange={(event) => setReference(event.target.value)}
        />
        <FormField
          id="vrp-valid-from"
          label="Valid from"
          type="date"
          value={validFrom}
          error={errors['validFromDate']}
          onChange={(event) => setValidFrom(event.target.value)}
        />
        <FormField
          id="vrp-valid-to"
          label="Valid until (optional)"
          type="date"
          value={validTo}
          error={errors['validToDate']}
          onChange={(event) => setValidTo(event.target.value)}
        />
        <FormField
          id="vrp-maximum"
          label="Most for one payment (£)"
          inputMode="decimal"
          value={maximum}
          error={errors['maximumIndividualAmount']}
          onChange={(event) => setMaximum(event.target.value)}
        />
      </fieldset>
      <fieldset className="demo-fieldset">
        <legend>Limits per period</legend>
        {errors['periodicLimits'] === undefined ? null : (
          <p className="demo-field-error">{errors['periodicLimits']}</p>
        )}
        {limits.map((limit, i) => (
          <div key={limit.key} className="demo-limit-row">
            <FormField
              id={`vrp-limit-${limit.key}`}
              label={`Limit ${i + 1} (£)`}
              inputMode="decimal"
              value={limit.amount}
              error={errors[`periodicLimits.${i}.amount`]}
              onChange={(event) =>
                setLimits(
                  limits.map((l) => (l === limit ? { ...l, amount: event.target.value } : l)),
                )
              }
            />
            <div className="demo-field">
              <label htmlFor={`vrp-period-${limit.key}`}>Period of limit {i + 1}</label>
              <select
                id={`vrp-period-${limit.key}`}
                value={limit.period}
                onChange={(event) =>
                  setLimits(
                    limits.map((l) =>
                      l === limit ? { ...l, period: event.target.value as Period } : l,
                    ),
                  )
                }
              >
                {periods.map((period) => (
                  <option key={period.value} value={period.value}>
                    {period.label}
                  </option>
                ))}
              </select>
            </div>
            {limits.length > 1 ? (
              <button
                type="button"
                className="demo-button"
                data-variant="secondary"
                aria-label={`Remove limit ${i + 1}`}
                onClick={() => setLimits(limits.filter((l) => l !== limit))}
              >
                Remove
              </button>
            ) : null}
          </div>
        ))}
        {limits.length < periods.length ? (
          <button
            type="button"
            className="demo-button"
            data-variant="secondary"
            onClick={() =>
              setLimits([
                ...limits,
                { key: (limits.at(-1)?.key ?? 0) + 1, amount: '', period: 'week' },
              ])
            }
          >
            Add a limit
          </button>
        ) : null}
      </fieldset>
      <ContinueToBank busy={busy} onPopup={() => void submit('popup')} />
      <FlowProgress
        flows={[redirect, popup]}
        what="recurring payment permission"
        succeeded="Permission set up. It is in your list above; pay with it there."
        failedTitle="The permission was not set up"
      />
    </form>
  )
}
