import type { InviteStatus } from '../../../shared/domain/invites'
import { AppError } from '../errors'
import type { Ctx } from '../handler'
import { recordIssue } from './issues'
import { findInviteFacts } from './queries'
import { currentRevisions } from './sequence'
import { inviteStatus } from './status'

/**
 * Records that the invite exported (unrecorded) at `sequence` reached the customer, e.g.
 * once the save dialog confirmed the file. It records what that file showed (the revision
 * of that SEQUENCE), so a change made meanwhile still shows as "changed since the invite".
 *
 * @example
 * await markInviteSent(ctx, { activityId: 12, sequence: 3 })
 */
export async function markInviteSent(ctx: Ctx, input: { activityId: number; sequence: number }): Promise<InviteStatus> {
  const facts = await findInviteFacts(ctx.db, input.activityId)
  const revision = (await currentRevisions(ctx.db, [input.activityId])).get(input.activityId)
  if (!revision || revision.sequence !== input.sequence) {
    throw new AppError('stale', 'This activity changed while its invite was being saved, so the saved file is out of date. Send the invite again.')
  }
  await recordIssue(ctx.db, {
    activityId: input.activityId,
    sequence: revision.sequence,
    method: facts.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    fingerprint: revision.fingerprint,
    issuedAt: ctx.clock.now().toISOString(),
    actor: ctx.actor,
  })
  ctx.changed('invites')
  return inviteStatus(ctx, input.activityId)
}
