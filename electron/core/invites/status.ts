import type { InviteStatus } from '../../../shared/domain/invites'
import type { Ctx } from '../handler'
import { visibleEvent } from './event-model'
import { changesBetween, fingerprint } from './fingerprint'
import { lastIssue } from './issues'
import { findInviteFacts, loadShopFacts } from './queries'
import { inviteRefusal } from './refusals'
import { currentRevisions, nextSequence } from './sequence'

/**
 * Where an activity's invite stands, compared on what the customer would see. Reads only.
 *
 * @example
 * (await inviteStatus(ctx, 12)).state // 'changed'
 */
export async function inviteStatus(ctx: Ctx, activityId: number): Promise<InviteStatus> {
  const facts = await findInviteFacts(ctx.db, activityId)
  const shop = await loadShopFacts(ctx.db)
  const visible = visibleEvent(facts, shop)
  const current = fingerprint(visible)
  const issue = await lastIssue(ctx.db, activityId)
  const refusal = inviteRefusal(facts, shop, 'auto')
  const revision = (await currentRevisions(ctx.db, [activityId])).get(activityId)
  const changes = issue ? changesBetween(issue.fingerprint, current) : []
  return {
    activityId,
    state: !issue ? 'never_sent' : changes.length === 0 ? 'sent' : 'changed',
    lastIssue: issue ? { sequence: issue.sequence, method: issue.method, issuedAt: issue.issuedAt, actor: issue.actor, via: issue.via ?? 'file' } : null,
    changes,
    next: refusal
      ? null
      : {
          method: visible.cancelled ? 'CANCEL' : 'REQUEST',
          kind: visible.time.kind,
          sequence: nextSequence(revision, current, visible.cancelled).sequence,
        },
    refusal,
  }
}
