/**
 * The session encryption key (SESSION_ENCRYPTION_KEY): exactly 32 random-looking bytes, written
 * as 64 hex or 43 base64url characters and decoded strictly (docs/security.md K6, LL5:
 * secrets are parsed with exact length and alphabet, no silent dropping of characters, and
 * degenerate values refused).
 */

/** The command the error messages suggest, so nobody has to invent a key by hand. */
export const GENERATE_KEY_COMMAND = `node -e "console.log(require('crypto').randomBytes(32).toString('hex'))"`

const HEX = /^[0-9a-fA-F]{64}$/
// 43 characters carry 258 bits: the last one holds 2 spare bits that a canonical encoder sets to
// zero, so it is one of A E I M Q U Y c g k o s w 0 4 8.
const BASE64URL = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/

/*
 * Degenerate-key thresholds. Each is far below what 32 random bytes (or their 43 base64url
 * characters) show; the chance that a key from randomBytes(32) is refused is below 1e-9 for
 * each test, computed from the occupancy distribution of n draws over m values:
 * - fewer than 20 distinct byte values (random: about 30 of 32; P(≤ 19) ≈ 1.5e-10) catches a
 *   repeated byte or short pattern (43 × A, 64 × 0, abab…);
 * - fewer than 18 distinct differences between neighbouring bytes catches counters and other
 *   arithmetic sequences (00 01 02 …), whose byte values are all distinct;
 * - every byte printable ASCII (P ≈ (95/256)^32 ≈ 2e-14) catches a passphrase written in hex;
 * - fewer than 19 distinct characters in the base64url text (random: about 31 of 43;
 *   P(≤ 18) ≈ 1.2e-9) catches a passphrase typed as the key itself.
 */
const MIN_DISTINCT_BYTES = 20
const MIN_DISTINCT_STEPS = 18
const MIN_DISTINCT_BASE64URL_CHARS = 19

function distinct(values: Iterable<unknown>): number {
  return new Set(values).size
}

function looksRandom(bytes: Buffer): boolean {
  if (distinct(bytes) < MIN_DISTINCT_BYTES) return false
  const steps: number[] = []
  for (let i = 1; i < bytes.length; i += 1) {
    steps.push(((bytes[i] ?? 0) - (bytes[i - 1] ?? 0) + 256) % 256)
  }
  if (distinct(steps) < MIN_DISTINCT_STEPS) return false
  if (bytes.every((b) => b >= 0x20 && b <= 0x7e)) return false
  return true
}

/**
 * Decodes and checks a session encryption key.
 *
 * @param text - the key as 64 hex characters or 43 unpadded base64url characters
 * @returns the 32 key bytes
 * @throws TypeError saying what is wrong and how to generate a key; the message never contains
 *   any part of `text`
 */
export function parseSessionEncryptionKey(text: string): Buffer {
  let bytes: Buffer
  if (HEX.test(text)) {
    bytes = Buffer.from(text, 'hex')
  } else if (BASE64URL.test(text)) {
    if (distinct(text) < MIN_DISTINCT_BASE64URL_CHARS) {
      throw new TypeError(
        `looks like a passphrase, not 32 random bytes; generate one with ${GENERATE_KEY_COMMAND}`,
      )
    }
    bytes = Buffer.from(text, 'base64url')
  } else {
    throw new TypeError(
      `must be 32 bytes written as 64 hex or 43 base64url characters (no padding); generate one with ${GENERATE_KEY_COMMAND}`,
    )
  }
  // The alphabet and length checks above make these hold; checked again because a key of the
  // wrong size would fail only later, at the first seal.
  if (bytes.length !== 32) {
    throw new TypeError(
      `must decode to exactly 32 bytes; generate one with ${GENERATE_KEY_COMMAND}`,
    )
  }
  if (!looksRandom(bytes)) {
    throw new TypeError(
      `is not random enough (a repeated, sequential or text value); generate one with ${GENERATE_KEY_COMMAND}`,
    )
  }
  return bytes
}
