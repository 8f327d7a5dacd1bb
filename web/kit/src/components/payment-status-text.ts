import type { PaymentStatus } from '../api/contract'
import type { MhkitMessages } from '../messages/mhkit-messages'

/** The badge text of each payment status. */
const labels: { readonly [S in PaymentStatus]: string } = {
  in_progress: 'In progress',
  pending: 'Pending',
  completed: 'Completed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  abandoned: 'Not finished',
  failed: 'Failed',
}

/**
 * The badge text of a payment status, from the app's messages (`paymentStatusLabels`) or the
 * kit's default.
 */
export function paymentStatusLabel(status: PaymentStatus, m: MhkitMessages): string {
  return m.paymentStatusLabels?.[status] ?? labels[status]
}
