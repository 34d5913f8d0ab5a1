import { Alert, Badge, Button, Checkbox, Group, ScrollArea, Stack, Text, Title } from '@mantine/core'
import type { AutobookProposal } from '../../../../shared/domain/autobook'
import { shopDay } from '../../../../shared/shop-day'
import { formatDay, toWall, wallToTime } from '../../shared/time/shop-time'

interface Props {
  proposal: AutobookProposal
  timeZone: string
  chosen: ReadonlySet<number>
  onChosen: (chosen: Set<number>) => void
  onAccept: () => void
  onDiscard: () => void
  accepting: boolean
  height: string
}

const shortDay = (day: string) => formatDay(day).replace(/, \d{4}$/, '')
const hours = (minutes: number) => `${Math.round((minutes / 60) * 10) / 10} h`

/**
 * "Fill the week": what the proposal would book, day by day, each with a checkbox; what it
 * could not place and why. Accept books the ticked ones; nothing is booked before that.
 */
export function ProposalPanel({ proposal, timeZone, chosen, onChosen, onAccept, onDiscard, accepting, height }: Props) {
  const all = proposal.items.map((i) => i.activityId)
  const allChosen = all.length > 0 && all.every((id) => chosen.has(id))
  const someChosen = !allChosen && all.some((id) => chosen.has(id))
  const toggle = (id: number, on: boolean) => {
    const next = new Set(chosen)
    if (on) next.add(id)
    else next.delete(id)
    onChosen(next)
  }
  const days = proposal.perDay.filter((d) => d.count > 0)
  return (
    <Stack gap="xs" h={height} component="section" aria-labelledby="proposal-title">
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} size="h5" id="proposal-title">
          Proposed bookings
        </Title>
        <Badge variant="light" aria-label={`${proposal.items.length} proposed`}>
          {proposal.items.length}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {shortDay(proposal.from)} – {shortDay(proposal.to)}; {proposal.bufferMinutes} min between jobs. Nothing is booked until you accept.
      </Text>
      <ul className="shop-proposal-days" aria-label="Proposed per day">
        {days.length === 0 && <li>Nothing could be placed.</li>}
        {days.map((d) => (
          <li key={d.day}>
            <span>{shortDay(d.day)}</span>
            <span>
              {d.count} · {hours(d.minutes)}
            </span>
          </li>
        ))}
      </ul>
      <Checkbox
        size="xs"
        label="All proposed"
        checked={allChosen}
        indeterminate={someChosen}
        disabled={all.length === 0}
        onChange={(e) => onChosen(new Set(e.currentTarget.checked ? all : []))}
      />
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <Stack gap={4} component="ul" className="shop-proposal-list" aria-label="Proposed bookings">
          {proposal.items.map((p) => (
            <li key={p.proposalId}>
              <Checkbox
                size="xs"
                checked={chosen.has(p.activityId)}
                onChange={(e) => toggle(p.activityId, e.currentTarget.checked)}
                label={
                  <span>
                    <strong>
                      {shortDay(shopDay(p.start, timeZone))} {wallToTime(toWall(p.start, timeZone))}
                    </strong>{' '}
                    {p.typeName} · {p.plate ?? p.vehicle}
                    <br />
                    <Text span size="xs" c="dimmed">
                      {[p.bayName, p.technicianName].filter(Boolean).join(' · ')}
                      {p.overdue ? ' · overdue' : ''}
                    </Text>
                  </span>
                }
              />
            </li>
          ))}
        </Stack>
        {proposal.notPlaced.length > 0 && (
          <Stack gap={4} mt="sm" component="section" aria-labelledby="not-placed-title">
            <Title order={4} size="h6" id="not-placed-title">
              Not placed ({proposal.notPlaced.length})
            </Title>
            <ul className="shop-proposal-list">
              {proposal.notPlaced.map((n) => (
                <li key={n.activityId}>
                  <Text size="xs">
                    <strong>
                      {n.typeName} · {n.plate ?? n.vehicle}
                    </strong>{' '}
                    (due {shortDay(n.dueDate)}
                    {n.overdue ? ', overdue' : ''}): {n.reason}
                  </Text>
                </li>
              ))}
            </ul>
          </Stack>
        )}
      </ScrollArea>
      {all.length === 0 && proposal.notPlaced.length === 0 && (
        <Alert color="gray" title="Nothing to book">
          No due, unbooked work by {shortDay(proposal.to)}.
        </Alert>
      )}
      <Group gap="xs" grow>
        <Button size="xs" onClick={onAccept} disabled={chosen.size === 0} loading={accepting}>
          Accept {chosen.size}
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          Discard
        </Button>
      </Group>
    </Stack>
  )
}
