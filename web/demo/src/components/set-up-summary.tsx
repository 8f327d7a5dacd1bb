import {
  describeFrequency,
  formatDate,
  formatMoney,
  standingOrderQueryOptions,
  useBffClient,
  useRecurringPayment,
} from '@mhkit/react'
import { useQuery } from '@tanstack/react-query'

/**
 * What a new VRP permission allows, read back from the BFF (`GET /api/recurring-payments/:id`)
 * so the person sees what their bank agreed to, not what the form sent.
 *
 * @param props.id - the permission's id from the flow's result
 */
export function PermissionSummary({ id }: { readonly id: string }) {
  const consent = useRecurringPayment(id).data?.data
  if (consent === undefined) return null
  return (
    <p>
      Up to {formatMoney(consent.maximumIndividualAmount)} per payment to{' '}
      {consent.payeeName ?? 'the payee'}, reference {consent.reference}.
    </p>
  )
}

/**
 * The schedule of a new standing order, read back from the BFF (`GET /api/standing-orders/:id`).
 *
 * @param props.id - the standing order's id from the flow's result
 */
export function StandingOrderSummary({ id }: { readonly id: string }) {
  const order = useQuery(standingOrderQueryOptions(useBffClient(), id)).data?.data
  if (order === undefined) return null
  return (
    <p>
      {formatMoney(order.firstPaymentAmount)} on {formatDate(order.firstPaymentDate)}, then{' '}
      {describeFrequency(order.frequency)}; reference {order.reference}.
    </p>
  )
}
