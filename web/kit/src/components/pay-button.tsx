import type { ReactNode } from 'react'
import { describePaymentError } from '../api/describe-payment-error'
import { usePayment } from '../hooks/use-payment'
import type { PaymentFlow, PaymentOptions } from '../hooks/use-payment'
import type { ConnectState } from '../internal/connect-machine'
import { cx } from '../internal/class-names'
import { ConnectTrigger } from '../internal/connect-trigger'
import type { MhkitMessages } from '../messages/mhkit-messages'
import { useMessages } from '../messages/use-messages'

/** Props of {@link PayButton}. */
export interface PayButtonProps extends PaymentOptions {
  /** The button's label. Default "Pay". */
  children?: ReactNode
  className?: string
  /** Replaces the default progress text under the button. */
  renderStatus?: (payment: PaymentFlow) => ReactNode
}

function progressText(state: ConnectState, m: MhkitMessages): string {
  switch (state.status) {
    case 'preparing':
      return m.payPreparing ?? 'Preparing a secure payment…'
    case 'awaiting-user':
      return state.mode === 'popup'
        ? (m.payInPopup ?? 'Approve the payment in the window that opened. Close it to cancel.')
        : (m.payRedirecting ?? 'Taking you to your bank to approve the payment…')
    case 'completing':
      return m.connectFinishing ?? 'Finishing…'
    case 'succeeded':
      return m.paySucceeded ?? 'Payment authorised.'
    case 'cancelled':
      return m.payCancelled ?? 'Cancelled. No money has moved.'
    default:
      return ''
  }
}

/**
 * A button that takes a payment with {@link usePayment}: every step in a polite live region,
 * `aria-busy` while the flow runs, failures worded for a payment (whether money moved) with a
 * "start again" action. All {@link PaymentOptions} (amount, payee, references, bank, mode,
 * callbacks) are accepted as props.
 *
 * @example
 * ```tsx
 * <PayButton amount={1500} payeeId={payeeId} payeeRef="INV123" payerRef="INV123"
 *   returnTo="/paid" onSuccess={(flow) => navigate(`/payments/${flow.result?.paymentId}`)}>
 *   Pay £15.00
 * </PayButton>
 * ```
 */
export function PayButton({ children, className, renderStatus, ...options }: PayButtonProps) {
  const payment = usePayment(options)
  const m = useMessages()
  return (
    <div className={cx('mhkit-pay', className)} data-status={payment.status}>
      <ConnectTrigger
        connect={payment}
        label={children ?? m.payButton ?? 'Pay'}
        describe={describePaymentError}
      >
        <p role="status" aria-live="polite" className="mhkit-connect__status">
          {renderStatus ? renderStatus(payment) : progressText(payment.state, m)}
        </p>
      </ConnectTrigger>
    </div>
  )
}
