import Database from 'better-sqlite3'

/**
 * Takes the bay off a booking, straight in the database: how bookings made before every
 * booking had to take a bay look. (No channel can make one any more.) Reload to see it.
 */
export function clearBay(dbPath: string, activityId: number): void {
  const db = new Database(dbPath)
  try {
    db.prepare('UPDATE activities SET bay_id = NULL, version = version + 1 WHERE id = ?').run(activityId)
  } finally {
    db.close()
  }
}
