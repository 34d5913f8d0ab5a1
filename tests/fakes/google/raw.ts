import type { FakeGoogle } from './index'
import { signIn } from './connect'

export interface RawResponse {
  status: number
  headers: Headers
  body: unknown
}

/** Plain fetch against the fake with a bearer token, for the wire details clients hide. */
export async function rawApi(
  fake: FakeGoogle,
): Promise<(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<RawResponse>> {
  const client = await signIn(fake)
  const token = client.credentials.access_token ?? ''
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${fake.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed }
  }
}

export function reasonOf(body: unknown): string | undefined {
  return (body as { error?: { errors?: Array<{ reason?: string }> } } | undefined)?.error?.errors?.[0]?.reason
}

export function eventBody(id: string, hour = 9): Record<string, unknown> {
  return {
    id,
    summary: `Service ${id}`,
    start: { dateTime: `2026-03-02T${String(hour).padStart(2, '0')}:00:00Z` },
    end: { dateTime: `2026-03-02T${String(hour + 1).padStart(2, '0')}:00:00Z` },
  }
}
