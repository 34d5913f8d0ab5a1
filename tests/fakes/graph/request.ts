import type { FakeRequest } from '../shared/http'

export interface Prefer {
  timeZone: string
  maxPageSize: number | undefined
  immutableIds: boolean
}

/** `Prefer` header(s): outlook.timezone, odata.maxpagesize, IdType="ImmutableId". */
export function parsePrefer(req: FakeRequest): Prefer {
  const h = req.headers['prefer'] ?? ''
  const tz = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(h)?.[1]
  const size = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(h)?.[1]
  return {
    timeZone: tz ?? 'UTC',
    maxPageSize: size === undefined ? undefined : Number(size),
    immutableIds: /IdType\s*=\s*"ImmutableId"/i.test(h),
  }
}

function unquote(s: string): string {
  return s.replace(/''/g, "'")
}

/** `$expand=singleValueExtendedProperties($filter=id eq '…')` → which property ids to show. */
export function parseExpand(value: string | null): { ok: true; pick: ((id: string) => boolean) | null } | { ok: false } {
  if (value === null) return { ok: true, pick: null }
  const v = value.trim()
  if (/^singleValueExtendedProperties$/i.test(v)) return { ok: true, pick: () => true }
  const m = /^singleValueExtendedProperties\(\s*\$filter\s*=\s*id\s+eq\s+'((?:[^']|'')*)'\s*\)$/i.exec(v)
  if (!m) return { ok: false }
  const want = unquote(m[1] ?? '').toLowerCase()
  return { ok: true, pick: (id) => id.toLowerCase() === want }
}

/** The one `$filter` the fake understands: the tag lookup `singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`. */
export function parseTagFilter(value: string | null): { ok: true; match: ((props: Array<{ id: string; value: string }>) => boolean) | null } | { ok: false } {
  if (value === null) return { ok: true, match: null }
  const m = /^singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*\1\/id\s+eq\s+'((?:[^']|'')*)'\s+and\s+\1\/value\s+eq\s+'((?:[^']|'')*)'\s*\)$/i.exec(
    value.trim(),
  )
  if (!m) return { ok: false }
  const id = unquote(m[2] ?? '').toLowerCase()
  const val = unquote(m[3] ?? '')
  return { ok: true, match: (props) => props.some((p) => p.id.toLowerCase() === id && p.value === val) }
}
