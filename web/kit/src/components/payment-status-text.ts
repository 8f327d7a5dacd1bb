import type { PaymentStatus } from '../api/contract'

/** The badge text of each payment status. */
export const paymentStatusLabels: { readonly [S in PaymentStatus]: string } = {
  in_progress: 'In progress',
  pending: 'Pending',
  completed: 'Completed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  abandoned: 'Not finished',
  failed: 'Failed',
}
