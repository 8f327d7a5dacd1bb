import { ErrorNotice, formatMoney, parsePounds, useFundsConfirmation } from '@mhkit/react'
import { useState, type FormEvent } from 'react'
import { FormField } from './form-field'
import { AMOUNT_WORDS } from './field-words'

/**
 * Asks the payer's bank, through a VRP permission, whether their account holds an amount
 * before paying it: nothing moves, and the answer is shown as a sentence.
 *
 * @param props.recurringPaymentId - the permission to ask through
 */
export function FundsCheck({ recurringPaymentId }: { readonly recurringPaymentId: string }) {
  const funds = useFundsConfirmation()
  const [amount, setAmount] = useState('')
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const pence = parsePounds(amount)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (pence === undefined || pence < 1) {
      setProblem(AMOUNT_WORDS)
      return
    }
    setProblem(undefined)
    funds.mutate({ recurringPaymentId, amount: pence })
  }

  const answer = funds.data?.data
  const asked = funds.variables?.amount
  return (
    <form
      className="demo-form"
      aria-label="Check the funds"
      noValidate
      onSubmit={onSubmit}
      aria-busy={funds.isPending}
    >
      <FormField
        id={`funds-${recurringPaymentId}`}
        label="Check the account holds (£)"
        hint="Asks the bank; no money moves."
        inputMode="decimal"
        value={amount}
        error={problem}
        onChange={(event) => setAmount(event.target.value)}
      />
      <div className="demo-actions">
        <button type="submit" className="demo-button" data-variant="secondary">
          Check funds
        </button>
      </div>
      <p role="status">
        {funds.isPending ? 'Asking the bank…' : null}
        {answer === undefined || asked === undefined
          ? null
          : answer.fundsAvailable
            ? `The account holds ${formatMoney({ value: asked, currency: 'GBP' })}.`
            : `The account does not hold ${formatMoney({ value: asked, currency: 'GBP' })} right now.`}
      </p>
      {funds.error === null ? null : (
        <ErrorNotice
          error={funds.error}
          onAction={() => funds.variables && funds.mutate(funds.variables)}
        />
      )}
    </form>
  )
}
