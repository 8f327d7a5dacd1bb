import { liveEventFrameSchema } from '@mhkit/shared'
import { z } from 'zod'

import { webhookRefusalCodes } from '../webhooks/webhook-refusal'

const frame = z.toJSONSchema(liveEventFrameSchema, { io: 'output', unrepresentable: 'any' })

/**
 * The OpenAPI paths of live updates: `GET /api/events` (Server-Sent Events whose `data` is a
 * `LiveEventFrame`) and `POST /webhooks/moneyhub` (Moneyhub's deliveries, outside the browser
 * API). docs/webhooks.md.
 */
export const liveEventPaths = {
  '/api/events': {
    get: {
      summary: 'Live events of this session as Server-Sent Events (event: mhkit, data: a frame)',
      parameters: [
        { name: 'X-CSRF', in: 'header', required: true, schema: { const: '1' } },
        {
          name: 'Last-Event-ID',
          in: 'header',
          required: false,
          schema: { type: 'string', pattern: '^[0-9]{13}-[A-Za-z0-9_-]{1,32}$' },
        },
      ],
      responses: {
        '200': {
          description: 'An event stream; each `mhkit` event carries one frame as JSON',
          content: { 'text/event-stream': { schema: { type: 'string' }, 'x-frame': frame } },
        },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        },
      },
    },
  },
  '/webhooks/moneyhub': {
    post: {
      summary: "Moneyhub's webhook deliveries (a signed Security Event Token, or opt-in JSON)",
      requestBody: {
        required: true,
        content: {
          'application/jwt': { schema: { type: 'string' } },
          'application/json': { schema: { type: 'object' } },
        },
      },
      responses: {
        '202': { description: 'Accepted; applied after the answer' },
        '200': { description: 'A replayed delivery, acknowledged and not applied' },
        default: {
          description: `Refused: ${webhookRefusalCodes.join(', ')}`,
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  },
} as const
