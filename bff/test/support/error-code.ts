import { errorBodySchema } from '@mhkit/shared'

/** The stable error code of an API error response (its body must match the contract). */
export async function codeOf(res: Response): Promise<string> {
  return errorBodySchema.parse(await res.json()).error.code
}
