import { describe, expect, it } from 'vitest'
import { connectRequestSchema, connectResponseSchema } from './connect'
import { BANK_ID, CONNECTION_ID, FLOW_ID, NOW } from './internal/test-fixtures'

const issuesOf = (input: unknown) =>
  connectRequestSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? []

describe('connectRequestSchema', () => {
  it('defaults to an ais connection returning to /', () => {
    expect(connectRequestSchema.parse({})).toEqual({ kind: 'ais', returnTo: '/' })
  })

  it('accepts a full ais request', () => {
    const body = {
      kind: 'ais',
      bankId: BANK_ID,
      consent: {
        expirationDateTime: '2027-01-01T00:00:00Z',
        transactionFromDateTime: '2025-01-01T00:00:00Z',
        permissions: ['ReadBeneficiariesDetail', 'ReadStandingOrdersDetail'],
      },
      oneTime: false,
      returnTo: '/accounts?tab=1',
    }
    expect(connectRequestSchema.parse(body)).toEqual(body)
  })

  it.each(['reauth', 'refresh'] as const)('accepts %s with only a connectionId', (kind) => {
    expect(connectRequestSchema.parse({ kind, connectionId: CONNECTION_ID })).toEqual({
      kind,
      connectionId: CONNECTION_ID,
      returnTo: '/',
    })
  })

  it('accepts reconsent with a new expirationDateTime', () => {
    const body = {
      kind: 'reconsent',
      connectionId: CONNECTION_ID,
      consent: { expirationDateTime: '2027-02-01T00:00:00Z' },
    }
    expect(connectRequestSchema.parse(body).consent).toEqual(body.consent)
  })

  it.each(['reauth', 'reconsent', 'refresh'] as const)('requires a connectionId for %s', (kind) => {
    expect(issuesOf({ kind })).toContain('connectionId')
  })

  it('forbids a connectionId for ais', () => {
    expect(issuesOf({ connectionId: CONNECTION_ID })).toContain('connectionId')
  })

  it('forbids bankId, oneTime and consent on reauth', () => {
    const issues = issuesOf({
      kind: 'reauth',
      connectionId: CONNECTION_ID,
      bankId: BANK_ID,
      oneTime: true,
      consent: { expirationDateTime: '2027-02-01T00:00:00Z' },
    })
    expect(issues).toEqual(expect.arrayContaining(['bankId', 'oneTime', 'consent']))
  })

  it('lets reconsent carry only consent.expirationDateTime', () => {
    expect(
      issuesOf({
        kind: 'reconsent',
        connectionId: CONNECTION_ID,
        consent: { permissions: ['ReadParty'] },
      }),
    ).toContain('consent')
  })

  it('rejects unknown fields, kinds and permissions, and repeated permissions', () => {
    expect(connectRequestSchema.safeParse({ scope: 'openid' }).success).toBe(false)
    expect(connectRequestSchema.safeParse({ kind: 'payment' }).success).toBe(false)
    expect(
      connectRequestSchema.safeParse({ consent: { permissions: ['ReadEverything'] } }).success,
    ).toBe(false)
    expect(
      connectRequestSchema.safeParse({ consent: { permissions: ['ReadParty', 'ReadParty'] } })
        .success,
    ).toBe(false)
    expect(
      connectRequestSchema.safeParse({ consent: { expirationDateTime: '2027-01-01', x: 1 } })
        .success,
    ).toBe(false)
  })

  it('rejects a bad bankId, connectionId or returnTo', () => {
    expect(connectRequestSchema.safeParse({ bankId: 'ALL' }).success).toBe(false)
    expect(
      connectRequestSchema.safeParse({ kind: 'reauth', connectionId: '../../x' }).success,
    ).toBe(false)
    expect(connectRequestSchema.safeParse({ returnTo: '//evil.com' }).success).toBe(false)
  })
})

describe('connectResponseSchema', () => {
  const ok = {
    flowId: FLOW_ID,
    url: 'https://identity.moneyhub.co.uk/oidc/auth?client_id=c&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aabc',
    expiresAt: NOW,
  }

  it('accepts an https URL and an http URL on a loopback host', () => {
    expect(connectResponseSchema.parse(ok)).toEqual(ok)
    for (const url of [
      'http://127.0.0.1:8790/oidc/auth?request_uri=x',
      'http://localhost:8790/oidc/auth',
      'http://[::1]:8790/oidc/auth',
    ]) {
      expect(connectResponseSchema.safeParse({ ...ok, url }).success, url).toBe(true)
    }
  })

  it('rejects http off loopback, other schemes, user-info and whitespace', () => {
    for (const url of [
      'http://identity.moneyhub.co.uk/oidc/auth',
      'http://127.0.0.1.evil.com/oidc/auth',
      'javascript:alert(1)',
      'https://user:pass@identity.moneyhub.co.uk/',
      'https://127.0.0.1@evil.com/',
      'https://identity.moneyhub.co.uk/a b',
      '/oidc/auth',
    ]) {
      expect(connectResponseSchema.safeParse({ ...ok, url }).success, url).toBe(false)
    }
  })

  it('rejects extra fields such as a code verifier', () => {
    expect(connectResponseSchema.safeParse({ ...ok, codeVerifier: 'x' }).success).toBe(false)
    expect(connectResponseSchema.safeParse({ ...ok, flowId: 'short' }).success).toBe(false)
  })
})
