import { describe, expect, it } from 'vitest'
import {
  AuthScope,
  ClientScope,
  DataScope,
  ScopeError,
  bankScope,
  isClientScope,
  isUserDataScope,
  joinScopes,
  parseScopes,
  scopePresets,
  scopeStringSchema,
  validateScopes,
  type ScopeRule,
} from './scopes'

const MOCK_BANK = '1ffe704d39629a929c8e293880fb449a'

function ruleOf(fn: () => unknown): ScopeRule {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ScopeError)
    return (error as ScopeError).rule
  }
  throw new Error('expected a ScopeError')
}

describe('scope constants', () => {
  it("uses Moneyhub's strings, not the seed Elixir client's", () => {
    expect(DataScope.transactionsReadAll).toBe('transactions:read:all')
    expect(AuthScope.recurringPaymentCreate).toBe('recurring_payment:create')
    expect(AuthScope.standingOrdersCreate).toBe('standing_orders:create')
    expect(ClientScope.paymentRead).toBe('payment:read')
    expect(AuthScope.openid).toBe('openid')
  })

  it.each(['transactions:read', 'recurring_payment', 'standing_order', 'widget_authentication'])(
    'rejects the seed client string %s as unknown',
    (scope) => {
      expect(validateScopes(['openid', scope])).toMatchObject({ ok: false, rule: 'unknown_scope' })
    },
  )

  it('has no scope string twice within one group', () => {
    for (const group of [AuthScope, DataScope, ClientScope]) {
      const values = Object.values(group)
      expect(new Set(values).size).toBe(values.length)
    }
  })
})

describe('bankScope', () => {
  it.each(['all', 'api', 'test', 'legacy'])('builds id:%s', (set) => {
    expect(bankScope(set)).toBe(`id:${set}`)
  })

  it('builds id:<bankId> for a 32-hex bank id', () => {
    expect(bankScope(MOCK_BANK)).toBe(`id:${MOCK_BANK}`)
  })

  it.each([
    ['31 hex characters', MOCK_BANK.slice(1)],
    ['33 hex characters', `${MOCK_BANK}0`],
    ['upper-case hex', MOCK_BANK.toUpperCase()],
    ['non-hex characters', 'g'.repeat(32)],
    ['an unknown set', 'beta'],
    ['an already-prefixed scope', 'id:api'],
    ['an empty string', ''],
    ['a scope smuggled after a space', `${MOCK_BANK} accounts:write:all`],
  ])('rejects %s', (_label, value) => {
    expect(ruleOf(() => bankScope(value))).toBe('unknown_scope')
  })
})

describe('validateScopes rules', () => {
  it('rejects an empty set', () => {
    expect(validateScopes([])).toMatchObject({ ok: false, rule: 'empty' })
  })

  it('rejects two id:* scopes', () => {
    expect(validateScopes(['openid', 'id:api', 'id:test'])).toMatchObject({
      ok: false,
      rule: 'id_exclusive',
    })
    expect(validateScopes(['openid', 'id:all', `id:${MOCK_BANK}`])).toMatchObject({
      ok: false,
      rule: 'id_exclusive',
    })
  })

  it('accepts the same id:* scope twice (duplicates collapse)', () => {
    expect(validateScopes(['openid', 'id:api', 'id:api'])).toEqual({ ok: true })
  })

  it('rejects a malformed id:* scope as unknown', () => {
    expect(validateScopes(['openid', 'id:NOTABANK'])).toMatchObject({
      ok: false,
      rule: 'unknown_scope',
    })
  })

  it.each(['reauth', 'refresh', 'reconsent'])('accepts openid %s', (scope) => {
    expect(validateScopes(['openid', scope])).toEqual({ ok: true })
  })

  it.each([
    ['reauth', 'id:api'],
    ['refresh', 'offline_access'],
    ['reconsent', 'accounts:read'],
    ['reauth', 'refresh'],
    ['reconsent', 'payment'],
  ])('rejects %s next to %s', (lifecycle, other) => {
    expect(validateScopes(['openid', lifecycle, other])).toMatchObject({
      ok: false,
      rule: 'lifecycle_only_openid',
    })
  })

  it.each([
    ['transactions:read:all', 'transactions:read:in'],
    ['transactions:read:in', 'transactions:read:out'],
    ['transactions:read:all', 'transactions:read:out'],
  ])('rejects %s with %s', (first, second) => {
    expect(validateScopes(['openid', 'id:api', first, second])).toMatchObject({
      ok: false,
      rule: 'transactions_exclusive',
    })
  })

  it.each([
    'id:api',
    'offline_access',
    'payment',
    'reverse_payment',
    'standing_orders:create',
    'reauth',
  ])('requires openid with %s', (scope) => {
    expect(validateScopes([scope])).toMatchObject({ ok: false, rule: 'openid_required' })
  })

  it('allows client-level scopes without openid (client_credentials)', () => {
    expect(validateScopes(['user:create', 'payee:create', 'recurring_payment:create'])).toEqual({
      ok: true,
    })
  })

  it('allows data scopes without openid (client_credentials with sub)', () => {
    expect(validateScopes(['accounts:read', 'transactions:read:all'])).toEqual({ ok: true })
  })

  it('checks unknown scopes before combinations', () => {
    expect(validateScopes(['reauth', 'bogus'])).toMatchObject({ ok: false, rule: 'unknown_scope' })
  })

  it('bounds the message for a flood of unknown scopes', () => {
    const flood = Array.from({ length: 50 }, (_, i) => `bogus${String(i)}:${'y'.repeat(100)}`)
    const result = validateScopes(flood)
    expect(result.ok).toBe(false)
    const message = result.ok ? '' : result.message
    expect(message).toContain('and 45 more')
    expect(message.length).toBeLessThan(500)
  })

  it('escapes control characters of unknown scopes in the message', () => {
    const result = validateScopes(['openid', 'bad\u001b[2J'])
    expect(result.ok ? '' : result.message).not.toContain('\u001b')
  })

  it('names the offending scopes in the message', () => {
    const result = validateScopes(['openid', 'id:api', 'id:test'])
    expect(result.ok ? '' : result.message).toContain('"id:api", "id:test"')
  })
})

describe('joinScopes', () => {
  it('joins with single spaces and de-duplicates in first-seen order', () => {
    expect(
      joinScopes('openid', 'id:api accounts:read', ['accounts:read', 'openid'], 'offline_access'),
    ).toBe('openid id:api accounts:read offline_access')
  })

  it('skips false, null and undefined so conditional scopes read well', () => {
    const offline = false
    expect(joinScopes('openid', offline && 'offline_access', null, undefined, 'id:test')).toBe(
      'openid id:test',
    )
  })

  it('collapses runs of whitespace', () => {
    expect(joinScopes('  openid \t id:api  ')).toBe('openid id:api')
  })

  it('throws ScopeError with the broken rule', () => {
    expect(ruleOf(() => joinScopes('openid reauth', 'id:api'))).toBe('lifecycle_only_openid')
    expect(ruleOf(() => joinScopes())).toBe('empty')
    expect(ruleOf(() => joinScopes('', ' '))).toBe('empty')
  })

  it('produces an Error subclass named ScopeError', () => {
    try {
      joinScopes('openid', 'id:all', 'id:api')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).name).toBe('ScopeError')
    }
  })
})

describe('parseScopes', () => {
  it('splits on whitespace and drops empties and duplicates', () => {
    expect(parseScopes(' openid  id:api openid\naccounts:read ')).toEqual([
      'openid',
      'id:api',
      'accounts:read',
    ])
  })

  it('returns an empty list for an empty string', () => {
    expect(parseScopes('')).toEqual([])
  })
})

describe('scope classification', () => {
  it('classifies data scopes as user scopes, not client scopes', () => {
    expect(isUserDataScope('accounts:read')).toBe(true)
    expect(isClientScope('accounts:read')).toBe(false)
  })

  it('classifies client scopes as client scopes, not user scopes', () => {
    expect(isClientScope('user:create')).toBe(true)
    expect(isUserDataScope('user:create')).toBe(false)
  })

  it('classifies authorisation-only and unknown scopes as neither', () => {
    for (const scope of ['openid', 'id:api', 'payment', 'transactions:read']) {
      expect(isUserDataScope(scope)).toBe(false)
      expect(isClientScope(scope)).toBe(false)
    }
  })
})

describe('scopePresets', () => {
  it('AIS ongoing for a new user asks for a refresh token and the data scopes', () => {
    expect(scopePresets.aisOngoing(MOCK_BANK)).toBe(
      `openid offline_access id:${MOCK_BANK} accounts:read transactions:read:all`,
    )
  })

  it('AIS ongoing takes a narrower data scope set', () => {
    expect(scopePresets.aisOngoing('api', [DataScope.accountsRead])).toBe(
      'openid offline_access id:api accounts:read',
    )
  })

  it('AIS ongoing refuses exclusive transaction scopes', () => {
    expect(
      ruleOf(() =>
        scopePresets.aisOngoing('api', [
          DataScope.transactionsReadAll,
          DataScope.transactionsReadIn,
        ]),
      ),
    ).toBe('transactions_exclusive')
  })

  it('AIS one-time asks for data scopes without offline_access', () => {
    expect(scopePresets.aisOneTime('test')).toBe(
      'openid id:test accounts:read transactions:read:all',
    )
  })

  it('AIS for an existing user asks for openid and the bank only', () => {
    expect(scopePresets.aisExistingUser(MOCK_BANK)).toBe(`openid id:${MOCK_BANK}`)
  })

  it('lifecycle presets are openid plus one lifecycle scope', () => {
    expect(scopePresets.reauth()).toBe('openid reauth')
    expect(scopePresets.reconsent()).toBe('openid reconsent')
    expect(scopePresets.refresh()).toBe('openid refresh')
  })

  it('payment presets carry their Moneyhub scope and the bank', () => {
    expect(scopePresets.payment(MOCK_BANK)).toBe(`openid payment id:${MOCK_BANK}`)
    expect(scopePresets.reversePayment(MOCK_BANK)).toBe(`openid reverse_payment id:${MOCK_BANK}`)
    expect(scopePresets.recurringPayment(MOCK_BANK)).toBe(
      `openid recurring_payment:create id:${MOCK_BANK}`,
    )
    expect(scopePresets.standingOrder(MOCK_BANK)).toBe(
      `openid standing_orders:create id:${MOCK_BANK}`,
    )
  })

  it.each([
    ['aisOngoing', () => scopePresets.aisOngoing('nope')],
    ['aisOneTime', () => scopePresets.aisOneTime('nope')],
    ['aisExistingUser', () => scopePresets.aisExistingUser('nope')],
    ['payment', () => scopePresets.payment('nope')],
    ['reversePayment', () => scopePresets.reversePayment('nope')],
    ['recurringPayment', () => scopePresets.recurringPayment('nope')],
    ['standingOrder', () => scopePresets.standingOrder('nope')],
  ])('%s rejects a malformed bank id', (_name, preset) => {
    expect(ruleOf(preset)).toBe('unknown_scope')
  })

  it('every preset passes the scope string schema', () => {
    const all = [
      scopePresets.aisOngoing('all'),
      scopePresets.aisOneTime('api'),
      scopePresets.aisExistingUser('legacy'),
      scopePresets.reauth(),
      scopePresets.reconsent(),
      scopePresets.refresh(),
      scopePresets.payment(MOCK_BANK),
      scopePresets.reversePayment(MOCK_BANK),
      scopePresets.recurringPayment(MOCK_BANK),
      scopePresets.standingOrder(MOCK_BANK),
    ]
    for (const scope of all) expect(scopeStringSchema.safeParse(scope).success).toBe(true)
  })
})

describe('scopeStringSchema', () => {
  it('reports the broken rule in the issue params', () => {
    const result = scopeStringSchema.safeParse('openid id:api id:test')
    expect(result.success).toBe(false)
    const issue = result.error?.issues[0]
    expect(issue?.code).toBe('custom')
    expect(issue && 'params' in issue ? issue.params : undefined).toEqual({ rule: 'id_exclusive' })
  })

  it('rejects a non-string and an over-long string', () => {
    expect(scopeStringSchema.safeParse(42).success).toBe(false)
    expect(scopeStringSchema.safeParse(`openid ${'accounts:read '.repeat(200)}`).success).toBe(
      false,
    )
  })
})
