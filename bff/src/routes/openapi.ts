import {
  accountListResponseSchema,
  accountParamsSchema,
  accountResponseSchema,
  bankIconParamsSchema,
  bankListQuerySchema,
  bankListResponseSchema,
  connectionListResponseSchema,
  connectionParamsSchema,
  connectRequestSchema,
  connectResponseSchema,
  errorBodySchema,
  flowParamsSchema,
  flowResponseSchema,
  fundsConfirmationRequestSchema,
  fundsConfirmationResponseSchema,
  payeeListResponseSchema,
  paymentListResponseSchema,
  paymentParamsSchema,
  paymentRequestSchema,
  paymentResponseSchema,
  paymentStartResponseSchema,
  recurringPaymentListResponseSchema,
  recurringPaymentParamsSchema,
  recurringPaymentPayRequestSchema,
  recurringPaymentPayResponseSchema,
  recurringPaymentRequestSchema,
  recurringPaymentResponseSchema,
  recurringPaymentStartResponseSchema,
  refundRequestSchema,
  refundStartResponseSchema,
  standingOrderListResponseSchema,
  standingOrderParamsSchema,
  standingOrderRequestSchema,
  standingOrderResponseSchema,
  standingOrderStartResponseSchema,
  idempotencyKeySchema,
  logoutRequestSchema,
  logoutResponseSchema,
  sessionResponseSchema,
  transactionPageSchema,
  transactionsQuerySchema,
} from '@mhkit/shared'
import { Hono } from 'hono'
import { z } from 'zod'

import type { AppEnv } from '../context'
import { liveEventPaths } from './openapi-events'

type Schema = z.ZodType

function json(schema: Schema, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' })
}

function parameters(schema: Schema, where: 'query' | 'path'): unknown[] {
  const doc = json(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] }
  return Object.entries(doc.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    // OpenAPI requires every path parameter; query parameters follow the schema.
    required: where === 'path' || (doc.required?.includes(name) ?? false),
    schema: s,
  }))
}

function queryParameters(schema: Schema): unknown[] {
  return parameters(schema, 'query')
}

/** Path parameters from the same shared params schema the route validates with. */
function pathParameters(schema: Schema): unknown[] {
  return parameters(schema, 'path')
}

const csrfHeader = { name: 'X-CSRF', in: 'header', required: true, schema: { const: '1' } }

function op(options: {
  summary: string
  ok?: Schema
  okStatus?: string
  body?: Schema
  parameters?: unknown[]
  csrf?: boolean
}) {
  const responses: Record<string, unknown> = {
    default: {
      description: 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    },
  }
  responses[options.okStatus ?? '200'] =
    options.ok === undefined
      ? { description: 'No content' }
      : {
          description: 'OK',
          content: { 'application/json': { schema: json(options.ok, 'output') } },
        }
  return {
    summary: options.summary,
    parameters: [...(options.csrf === false ? [] : [csrfHeader]), ...(options.parameters ?? [])],
    ...(options.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: json(options.body, 'input') } },
          },
        }),
    responses,
  }
}

/**
 * Builds the OpenAPI 3.1 document of the `/api` routes from the same shared zod schemas the
 * routes validate with (`z.toJSONSchema`), so the document cannot drift from the code.
 */
export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Moneyhub Connect Kit BFF', version: '0.1.0' },
    components: { schemas: { ErrorBody: json(errorBodySchema, 'output') } },
    paths: {
      ...liveEventPaths,
      '/api/session': {
        get: op({ summary: 'The session, never a token', ok: sessionResponseSchema }),
      },
      '/api/connect': {
        post: op({
          summary: 'Start a connect flow',
          body: connectRequestSchema,
          ok: connectResponseSchema,
        }),
      },
      '/api/callback': {
        get: {
          summary: 'OAuth redirect_uri; 303 to <returnTo>?flow=<flowId>',
          responses: { '303': { description: 'Back to the app' } },
        },
      },
      '/api/flows/{flowId}': {
        get: op({
          summary: 'Outcome of a flow',
          ok: flowResponseSchema,
          parameters: pathParameters(flowParamsSchema),
        }),
      },
      '/api/banks': {
        get: op({
          summary: 'Banks to pick from',
          ok: bankListResponseSchema,
          parameters: queryParameters(bankListQuerySchema),
        }),
      },
      '/api/banks/{bankId}/icon': {
        get: {
          summary: 'A bank’s logo, from the app’s origin (public; no X-CSRF: an <img> loads it)',
          parameters: pathParameters(bankIconParamsSchema),
          responses: {
            '200': {
              description: 'The logo (cached for a day)',
              content: Object.fromEntries(
                ['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp'].map((type) => [
                  type,
                  { schema: { type: 'string', format: 'binary' } },
                ]),
              ),
            },
            default: {
              description: 'Error (bank_not_found, upstream_error, invalid_request)',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } },
              },
            },
          },
        },
      },
      '/api/accounts': {
        get: op({ summary: 'The user’s accounts', ok: accountListResponseSchema }),
      },
      '/api/accounts/{id}': {
        get: op({
          summary: 'One account',
          ok: accountResponseSchema,
          parameters: pathParameters(accountParamsSchema),
        }),
      },
      '/api/transactions': {
        get: op({
          summary: 'A page of transactions',
          ok: transactionPageSchema,
          parameters: queryParameters(transactionsQuerySchema),
        }),
      },
      '/api/connections': {
        get: op({ summary: 'Bank connections', ok: connectionListResponseSchema }),
      },
      '/api/connections/{id}': {
        delete: op({
          summary: 'Delete a connection',
          okStatus: '204',
          parameters: pathParameters(connectionParamsSchema),
        }),
      },
      '/api/payments': {
        post: op({
          summary: 'Start a single immediate payment',
          body: paymentRequestSchema,
          ok: paymentStartResponseSchema,
        }),
        get: op({ summary: 'Payments of this session or user', ok: paymentListResponseSchema }),
      },
      '/api/payments/{id}': {
        get: op({
          summary: 'One payment',
          ok: paymentResponseSchema,
          parameters: pathParameters(paymentParamsSchema),
        }),
      },
      '/api/payments/{id}/refund': {
        post: op({
          summary: 'Start a refund (reverse payment) of a completed payment',
          body: refundRequestSchema,
          ok: refundStartResponseSchema,
          parameters: pathParameters(paymentParamsSchema),
        }),
      },
      '/api/payees': {
        get: op({
          summary: 'Payees this session or user has paid ("your payees")',
          ok: payeeListResponseSchema,
        }),
      },
      '/api/recurring-payments': {
        post: op({
          summary: 'Start a variable recurring payment (VRP) consent',
          body: recurringPaymentRequestSchema,
          ok: recurringPaymentStartResponseSchema,
        }),
        get: op({
          summary: 'VRP consents of this session or user',
          ok: recurringPaymentListResponseSchema,
        }),
      },
      '/api/recurring-payments/{id}': {
        get: op({
          summary: 'One VRP consent',
          ok: recurringPaymentResponseSchema,
          parameters: pathParameters(recurringPaymentParamsSchema),
        }),
        delete: op({
          summary: 'Revoke a VRP consent',
          okStatus: '204',
          parameters: pathParameters(recurringPaymentParamsSchema),
        }),
      },
      '/api/recurring-payments/{id}/pay': {
        post: op({
          summary: 'Pay under a VRP consent (idempotent per Idempotency-Key)',
          body: recurringPaymentPayRequestSchema,
          ok: recurringPaymentPayResponseSchema,
          parameters: [
            ...pathParameters(recurringPaymentParamsSchema),
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              schema: json(idempotencyKeySchema, 'input'),
            },
          ],
        }),
      },
      '/api/recurring-payments/{id}/funds-confirmation': {
        post: op({
          summary: 'Confirm funds for a VRP payment',
          body: fundsConfirmationRequestSchema,
          ok: fundsConfirmationResponseSchema,
          parameters: pathParameters(recurringPaymentParamsSchema),
        }),
      },
      '/api/standing-orders': {
        post: op({
          summary: 'Start a standing order',
          body: standingOrderRequestSchema,
          ok: standingOrderStartResponseSchema,
        }),
        get: op({
          summary: 'Standing orders of this session or user',
          ok: standingOrderListResponseSchema,
        }),
      },
      '/api/standing-orders/{id}': {
        get: op({
          summary: 'One standing order',
          ok: standingOrderResponseSchema,
          parameters: pathParameters(standingOrderParamsSchema),
        }),
      },
      '/api/logout': {
        post: op({
          summary: 'End the session',
          body: logoutRequestSchema,
          ok: logoutResponseSchema,
        }),
      },
    },
  }
}

/** `GET /api/openapi.json`: the document above, built once. */
export function openApiRoutes() {
  let document: Record<string, unknown> | undefined
  return new Hono<AppEnv>().get('/api/openapi.json', (c) => {
    document ??= buildOpenApiDocument()
    return c.json(document, 200)
  })
}
