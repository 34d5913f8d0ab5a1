/**
 * What a failed provider call means for the sync, whichever provider answered: push, pull and
 * the service decide by `kind`, never by status codes (docs/sync-notes.md §2, §3).
 */
export type SyncFailureKind =
  | 'auth' //         the grant is dead (invalid_grant, interaction_required): the account needs reconnecting
  | 'unauthorized' // 401: the access token was refused; refresh once
  | 'rate' //         rate limits (403/429): back off
  | 'server' //       5xx, network errors: back off
  | 'duplicate' //    409 on insert: the id exists (our earlier attempt landed)
  | 'precondition' // 412: the etag / change key is stale; re-fetch and merge
  | 'gone' //         404, 410 deleted
  | 'fullSync' //     the sync token / deltaLink expired: read everything again
  | 'client' //       any other 4xx: a request we must not repeat as is (dead letter)

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    readonly status: number | null,
    readonly reason: string | null,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message)
    this.name = 'SyncFailure'
  }
}
