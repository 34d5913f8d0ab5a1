import { randomBytes } from 'node:crypto'

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url')
}

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv'

/** A random base32hex id (Google event id alphabet), `length` characters. */
export function randomBase32hex(length = 26): string {
  const raw = randomBytes(length)
  let out = ''
  for (const b of raw) out += BASE32HEX[b & 31]
  return out
}

export function b64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export function parseB64urlJson(token: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown
  } catch {
    return undefined
  }
}
