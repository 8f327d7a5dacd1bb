import { Hono } from 'hono'

import { bankHistoryLimits, banksForSet, SIM_BANKS } from '../banks'
import { bankIconSvg } from '../identity/bank-icon'
import { faultGuard } from '../internal/fault-guard'
import type { IdentityRestDeps } from './rest-context'

/**
 * Moneyhub's bank lists, `GET /oidc/.well-known/{all,api,legacy,test,payments,beta}-connections`:
 * bare JSON arrays, no authentication, with each bank's `monthsInitialConsent` or
 * `daysInitialConsent`.
 *
 * @param deps - The fault registry.
 * @returns A Hono app mounted at the identity host's root.
 * @see https://docs.moneyhubenterprise.com/docs/bank-connections
 */
export function bankListRoutes(deps: Pick<IdentityRestDeps, 'faults'>) {
  const app = new Hono()
  // Each bank list entry's `iconUrl` points here.
  app.get('/bank-icons/:bankRef', (c) => {
    const bank = SIM_BANKS.find((b) => b.bankRef === c.req.param('bankRef'))
    if (bank === undefined) return c.notFound()
    c.header('content-type', 'image/svg+xml')
    c.header('cache-control', 'public, max-age=86400')
    return c.body(bankIconSvg(bank))
  })
  for (const set of ['all', 'api', 'legacy', 'test', 'payments', 'beta'] as const) {
    app.get(
      `/oidc/.well-known/${set}-connections`,
      faultGuard(deps.faults, `GET /oidc/.well-known/${set}-connections`),
      (c) => {
        const banks =
          set === 'payments'
            ? SIM_BANKS.filter((bank) => bank.payments)
            : set === 'beta'
              ? []
              : banksForSet(set)
        return c.json(
          banks.map((bank) => ({
            id: bank.id,
            name: bank.name,
            type: bank.type,
            bankRef: bank.bankRef,
            iconUrl: `${new URL(c.req.url).origin}/bank-icons/${bank.bankRef}`,
            accountTypes: [
              { name: 'cash', beta: false },
              { name: 'card', beta: false },
            ],
            userTypes: ['personal', 'business'],
            payments: bank.payments ? ['domestic'] : [],
            status: { sync: 'AVAILABLE', auth: 'AVAILABLE' },
            country: 'GB',
            isBeta: false,
            ...bankHistoryLimits(bank),
          })),
        )
      },
    )
  }
  return app
}
