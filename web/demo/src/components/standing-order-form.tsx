import { parsePounds, useStandingOrder, type StandingOrderOptions } from '@mhkit/react'
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

type Repeat = 'daily' | 'weekly' | 'monthly'
type End = 'count' | 'date'

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

function words(path: string): string | undefined {
  if (path in payeeWords) return payeeWords[path]
  if (path === 'reference') return REFERENCE_WORDS
  if (path === 'firstPaymentAmount' || path === 'recurringPaymentAmount') return AMOUNT_WORDS
  if (path === 'firstPaymentDate') return 'Enter the first payment date, before the last one.'
  if (path === 'frequency.day') return 'Choose the day of the month, from 1 to 31.'
  if (path === 'numberOfPayments') return 'Enter how many payments to make, from 1 to 999.'
  if (path === 'finalPaymentDate') return 'Enter the date of the last payment.'
  return undefined
}

function useLoggedStandingOrder(mode: 'redirect' | 'popup') {
  const log = useFlowLog('standing-order', (flow) => flow.result?.standingOrderId ?? '')
  const options: StandingOrderOptions = { mode, returnTo: CALLBACK_PATH, ...log }
  return useStandingOrder(options)
}

/**
 * Sets up a standing order at the person's bank: payee, reference, how often, the first
 * payment's date and amount (and a different amount after it), and when it ends — a number of
 * payments or a final date. Checked with the shared schema before anything is sent.
 */
export function StandingOrderForm() {
  const redirect = useLoggedStandingOrder('redirect')
  const popup = useLoggedStandingOrder('popup')
  const checkForm = useFormChecks()
  const [payee, setPayee] = useState<PayeeInput>(emptyPayee)
  const [reference, setReference] = useState('')
  const [repeat, setRepeat] = useState<Repeat>('monthly')
  const [weekday, setWeekday] = useState(1)
  const [monthDay, setMonthDay] = useState('1')
  const [workDays, setWorkDays] = useState(false)
  const [firstDate, setFirstDate] = useState(() => utcDate(1))
  const [firstAmount, setFirstAmount] = useState('')
  const [laterAmount, setLaterAmount] = useState('')
  const [end, setEnd] = useState<End>('count')
  const [count, setCount] = useState('12')
  const [finalDate, setFinalDate] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const busy = redirect.isBusy || popup.isBusy

  const submit = async (mode: 'redirect' | 'popup') => {
    const own: Record<string, string> = {}
    const first = parsePounds(firstAmount)
    if (first === undefined) own['firstPaymentAmount'] = AMOUNT_WORDS
    const later = laterAmount.trim() === '' ? undefined : parsePounds(laterAmount)
    if (laterAmount.trim() !== '' && later === undefined)
      own['recurringPaymentAmount'] = AMOUNT_WORDS
    const day =
      repeat === 'weekly'
        ? weekday
        : repeat === 'monthly'
          ? Number(monthDay || Number.NaN)
          : undefined
    const body = {
      payee: toPayee(payee),
      reference: reference.trim(),
      frequency: {
        repeat,
        ...(day === undefined ? {} : { day }),
        ...(workDays ? { onlyWorkDays: true } : {}),
      },
      firstPaymentAmount: first ?? 1,
      ...(later === undefined ? {} : { recurringPaymentAmount: later }),
      firstPaymentDate: firstDate,
      ...(end === 'count'
        ? { numberOfPayments: Number(count || Number.NaN) }
        : { finalPaymentDate: finalDate }),
    }
    const found = {
      ...(await checkForm('standingOrder', { ...body, returnTo: CALLBACK_PATH }, words)),
      ...own,
    }
    setErrors(found)
    if (Object.keys(found).length > 0) return
    ;(mode === 'popup' ? redirect : popup).reset()
    await (mode === 'popup' ? popup : redirect).start(body).catch(() => undefined)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void submit('redirect')
  }

  const problems = Object.keys(errors).length
  return (
    <form className="demo-form" noValidate aria-labelledby="so-new-heading" onSubmit={onSubmit}>
      <h2 id="so-new-heading">Set up a standing order</h2>
      <p className="demo-muted">
        Your bank pays the same payee on a schedule until the end you choose. You approve it once,
        at your bank.
      </p>
      <FieldErrorSummary count={problems} />
      <PayeeFields idPrefix="so" payee={payee} errors={errors} onChange={setPayee} />
      <fieldset className="demo-fieldset">
        <legend>Schedule</legend>
        <FormField
          id="so-reference"
          label="Reference"
          hint="Shown on both statements, up to 18 characters."
          maxLength={18}
          value={reference}
          error={errors['reference']}
          onChange={(event) => setReference(event.target.value)}
        />
        <div className="demo-field">
          <label htmlFor="so-repeat">How often</label>
          <select
            id="so-repeat"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value as Repeat)}
          >
            <option value="daily">Every day</option>
            <option value="weekly">Every week</option>
            <option value="monthly">Every month</option>
          </select>
        </div>
        {repeat === 'weekly' ? (
          <div className="demo-field">
            <label htmlFor="so-weekday">On</label>
            <select
              id="so-weekday"
              value={weekday}
              onChange={(event) => setWeekday(Number(event.target.value))}
            >
              {weekdays.map((name, i) => (
                <option key={name} value={i + 1}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {repeat === 'monthly' ? (
          <FormField
            id="so-month-day"
            label="Day of the month"
            inputMode="numeric"
            value={monthDay}
            error={errors['frequency.day']}
            onChange={(event) => setMonthDay(event.target.value)}
          />
        ) : null}
        <div className="demo-check">
          <input
            id="so-work-days"
            type="checkbox"
            checked={workDays}
            onChange={(event) => setWorkDays(event.target.checked)}
          />
          <label htmlFor="so-work-days">Only pay on working days</label>
        </div>
        <FormField
          id="so-first-date"
          label="First payment date"
          type="date"
          value={firstDate}
          error={errors['firstPaymentDate']}
          onChange={(event) => setFirstDate(event.target.value)}
        />
        <FormField
          id="so-first-amount"
          label="First payment (£)"
          inputMode="decimal"
          value={firstAmount}
          error={errors['firstPaymentAmount']}
          onChange={(event) => setFirstAmount(event.target.value)}
        />
        <FormField
          id="so-later-amount"
          label="Later payments (£, optional)"
          hint="Leave empty to pay the same as the first."
          inputMode="decimal"
          value={laterAmount}
          error={errors['recurringPaymentAmount']}
          onChange={(event) => setLaterAmount(event.target.value)}
        />
      </fieldset>
      <fieldset className="demo-fieldset">
        <legend>When it ends</legend>
        <div className="demo-check">
          <input
            id="so-end-count"
            type="radio"
            name="so-end"
            checked={end === 'count'}
            onChange={() => setEnd('count')}
          />
          <label htmlFor="so-end-count">After a number of payments</label>
        </div>
        <div className="demo-check">
          <input
            id="so-end-date"
            type="radio"
            name="so-end"
            checked={end === 'date'}
            onChange={() => setEnd('date')}
          />
          <label htmlFor="so-end-date">On a final payment date</label>
        </div>
        {end === 'count' ? (
          <FormField
            id="so-count"
            label="Number of payments"
            inputMode="numeric"
            value={count}
            error={errors['numberOfPayments']}
            onChange={(event) => setCount(event.target.value)}
          />
        ) : (
          <FormField
            id="so-final-date"
            label="Final payment date"
            type="date"
            value={finalDate}
            error={errors['finalPaymentDate'] ?? errors['numberOfPayments']}
            onChange={(event) => setFinalDate(event.target.value)}
          />
        )}
      </fieldset>
      <ContinueToBank busy={busy} onPopup={() => void submit('popup')} />
      <FlowProgress
        flows={[redirect, popup]}
        what="standing order"
        succeeded="Standing order set up. It is in your list above."
        failedTitle="The standing order was not set up"
      />
    </form>
  )
}
