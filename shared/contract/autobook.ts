import { channel } from './define'
import {
  autobookSchemas as s,
  type AcceptResult,
  type AutobookProposal,
  type AutobookRun,
  type AutobookSettings,
  type CapacityReport,
  type UndoResult,
} from '../domain/autobook'

export const autobookContract = {
  /** Proposes bookings for due, unbooked work (overdue first) in `[from, to]`; writes nothing. */
  'autobook.propose': channel<AutobookProposal>()(s.propose),
  /** Books the chosen proposals in one transaction, each re-checked; answers an undo token. */
  'autobook.accept': channel<AcceptResult>()(s.accept),
  /** Unbooks what one accept booked, where nobody changed it since. */
  'autobook.undo': channel<UndoResult>()(s.undo),
  /** Per day: open, booked and free hours per bay and technician, beside the due work not yet booked. */
  'autobook.capacity': channel<CapacityReport>()(s.capacity),
  'autobook.lastRun': channel<AutobookRun | null>()(s.lastRun),
  'autobook.getSettings': channel<AutobookSettings>()(s.getSettings),
  'autobook.updateSettings': channel<AutobookSettings>()(s.updateSettings),
  'autobook.setTechnicianCategories': channel<AutobookSettings>()(s.setTechnicianCategories),
}
