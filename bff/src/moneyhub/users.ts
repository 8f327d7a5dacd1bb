/** Users on the identity host with client-level tokens (docs/moneyhub-protocol.md §9.5). */
import { MoneyhubError } from './errors'
import type { ClientContext } from './internal/context'
import { callData, callVoid, segment, type TokenSource } from './internal/rest'
import { mhUserSchema, type MhUser } from './schemas'

/**
 * `POST /users` (scope `user:create`); the reply is a bare user object. Never retried.
 *
 * @throws MoneyhubError `invalid_input` for a bad clientUserId; upstream codes
 */
export async function registerUser(
  ctx: ClientContext,
  token: TokenSource,
  input: { clientUserId?: string } = {},
): Promise<MhUser> {
  if (
    input.clientUserId !== undefined &&
    (typeof input.clientUserId !== 'string' || input.clientUserId.length > 200)
  ) {
    throw new MoneyhubError(
      'invalid_input',
      'clientUserId must be a string of at most 200 characters',
    )
  }
  return callData(ctx, {
    host: 'identity',
    method: 'POST',
    path: '/users',
    body: input.clientUserId !== undefined ? { clientUserId: input.clientUserId } : {},
    token,
    bare: true,
    schema: mhUserSchema,
  })
}

/** `GET /users/{userId}` (scope `user:read`), bare. @throws MoneyhubError `not_found`, ... */
export async function getUser(
  ctx: ClientContext,
  token: TokenSource,
  userId: string,
): Promise<MhUser> {
  return callData(ctx, {
    host: 'identity',
    method: 'GET',
    path: `/users/${segment(userId, 'user id')}`,
    token,
    bare: true,
    schema: mhUserSchema,
  })
}

/** `DELETE /users/{userId}` (scope `user:delete`), 204. @throws MoneyhubError `not_found`, ... */
export async function deleteUser(
  ctx: ClientContext,
  token: TokenSource,
  userId: string,
): Promise<void> {
  await callVoid(ctx, {
    host: 'identity',
    method: 'DELETE',
    path: `/users/${segment(userId, 'user id')}`,
    token,
  })
}
