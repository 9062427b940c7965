// Seeds the calendar from the chinese-days package (State Council notices 2004 → its last release
// year) at first start. A year already present — seeded earlier or loaded by an admin — is left
// alone, so an admin's correction survives restarts and package upgrades. ADR 006.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Db } from '../../db/database.js';
import type { CalendarDay } from '../../domain/working-days.js';
import { recordAudit } from '../audit/record.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import * as store from './store.js';

interface ChineseDaysData {
  holidays: Record<string, string>; // date → "English name,中文名,days"
  workdays: Record<string, string>;
}

/** chinese-days' bundled data, grouped by year. */
export function chineseDaysByYear(): Map<number, CalendarDay[]> {
  const file = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as ChineseDaysData;
  const years = new Map<number, CalendarDay[]>();
  const add = (date: string, kind: CalendarDay['kind'], label: string) => {
    const year = Number(date.slice(0, 4));
    if (!years.has(year)) years.set(year, []);
    years.get(year)!.push({ date, kind, name: label.split(',')[1] ?? label });
  };
  for (const [date, label] of Object.entries(data.holidays)) add(date, 'holiday', label);
  for (const [date, label] of Object.entries(data.workdays)) add(date, 'workday', label);
  return years;
}

export async function ensureCalendar(db: Db): Promise<void> {
  const present = new Set((await store.listYears(db)).map((y) => y.year));
  const missing = [...chineseDaysByYear()].filter(([year]) => !present.has(year));
  if (!missing.length) return;
  await db.transaction().execute(async (tx) => {
    const added: number[] = [];
    for (const [year, days] of missing) if (await store.insertYearIfMissing(tx, { year, days })) added.push(year);
    if (added.length) await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'calendar.seeded', entityType: 'calendar', entityId: null, data: { years: added, source: 'chinese-days' } });
  });
}
