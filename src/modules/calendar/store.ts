// SQL for the working-day calendar: loaded years and their special days.
import type { Db, Tx } from '../../db/database.js';

type Q = Db | Tx;

export async function allDays(db: Q) {
  return db.selectFrom('calendar_day').select(['day', 'kind', 'name']).orderBy('day').execute();
}

export async function listYears(db: Q) {
  return db.selectFrom('calendar_year as y')
    .select((eb) => ['y.year', 'y.source', 'y.notice', 'y.loaded_at',
      eb.selectFrom('calendar_day as d').select((e) => e.fn.countAll<string>().as('n')).whereRef('d.year', '=', 'y.year').where('d.kind', '=', 'holiday').as('holidays'),
      eb.selectFrom('calendar_day as d').select((e) => e.fn.countAll<string>().as('n')).whereRef('d.year', '=', 'y.year').where('d.kind', '=', 'workday').as('workdays'),
    ]).orderBy('y.year').execute();
}

export async function daysOfYear(db: Q, year: number) {
  return db.selectFrom('calendar_day').select(['day', 'kind', 'name']).where('year', '=', year).orderBy('day').execute();
}

export async function findYear(db: Q, year: number) {
  return db.selectFrom('calendar_year').selectAll().where('year', '=', year).executeTakeFirst();
}

/** Replaces one year's days (a corrected notice replaces the earlier one entirely). */
export async function replaceYear(tx: Tx, y: {
  year: number; source: 'chinese-days' | 'api' | 'file'; notice: string | null; actorType: string; actorId: string | null;
  days: { date: string; kind: 'holiday' | 'workday'; name: string }[];
}) {
  await tx.deleteFrom('calendar_day').where('year', '=', y.year).execute();
  await tx.insertInto('calendar_year').values({ year: y.year, source: y.source, notice: y.notice, actor_type: y.actorType, actor_id: y.actorId })
    .onConflict((oc) => oc.column('year').doUpdateSet({ source: y.source, notice: y.notice, actor_type: y.actorType, actor_id: y.actorId, loaded_at: new Date() }))
    .execute();
  if (y.days.length) await tx.insertInto('calendar_day').values(y.days.map((d) => ({ day: d.date, year: y.year, kind: d.kind, name: d.name }))).execute();
}

/** Seeding only: adds a year that is not there yet; false when it already is (never overwrites). */
export async function insertYearIfMissing(tx: Tx, y: { year: number; days: { date: string; kind: 'holiday' | 'workday'; name: string }[] }) {
  const row = await tx.insertInto('calendar_year').values({ year: y.year, source: 'chinese-days', notice: null, actor_type: 'system', actor_id: null })
    .onConflict((oc) => oc.column('year').doNothing()).returning('year').executeTakeFirst();
  if (!row) return false;
  if (y.days.length) await tx.insertInto('calendar_day').values(y.days.map((d) => ({ day: d.date, year: y.year, kind: d.kind, name: d.name }))).execute();
  return true;
}
