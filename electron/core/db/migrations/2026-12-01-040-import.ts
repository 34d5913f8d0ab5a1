// Frozen once shipped: never edit, add a new migration instead.
import type { Kysely } from 'kysely'

// A copy, not an import of shared/domain/search.ts: a migration must keep doing what it did
// when it shipped, even if the app's folding changes later (a later migration re-folds then).
const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase()

/**
 * Unicode-aware search: customers' names and vehicles' make and model folded (accents and
 * case) into columns the app maintains on write. The customer column is indexed in the
 * order lists show, so a search walks the index in order instead of sorting every match.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('name_folded', 'text').execute()
  await db.schema.alterTable('vehicles').addColumn('make_model_folded', 'text').execute()

  const customers = await db.selectFrom('customers').select(['id', 'name']).execute()
  for (const c of customers) {
    await db
      .updateTable('customers')
      .set({ name_folded: fold(c.name) })
      .where('id', '=', c.id)
      .execute()
  }
  const vehicles = await db.selectFrom('vehicles').select(['id', 'make', 'model']).execute()
  for (const v of vehicles) {
    await db
      .updateTable('vehicles')
      .set({ make_model_folded: fold(`${v.make} ${v.model}`) })
      .where('id', '=', v.id)
      .execute()
  }
  await db.schema.createIndex('customers_name_folded').on('customers').columns(['name_folded', 'name']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customers_name_folded').execute()
  await db.schema.alterTable('vehicles').dropColumn('make_model_folded').execute()
  await db.schema.alterTable('customers').dropColumn('name_folded').execute()
}
