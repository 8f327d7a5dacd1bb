/**
 * The names of the claims Moneyhub understands inside `claims.id_token` (protocol reference §4).
 * Wire names keep their wire spelling; the keys are our camelCase handles for them.
 *
 * @see https://docs.moneyhubenterprise.com/docs/claims
 */
export const ClaimName = {
  sub: 'sub',
  connectionId: 'mh:con_id',
  consent: 'mh:consent',
  payment: 'mh:payment',
  reversePayment: 'mh:reverse_payment',
  recurringPayment: 'mh:recurring_payment',
  standingOrder: 'mh:standing_order',
  categoryType: 'mh:cat_type',
  sync: 'mh:sync',
  accountVerification: 'mh:account_verification',
  benefitsCheck: 'mh:benefits_check',
  counterpartiesCheck: 'mh:counterparties_check',
} as const
/** One of the {@link ClaimName} wire names. */
export type ClaimNameValue = (typeof ClaimName)[keyof typeof ClaimName]
