// Deadlines in working days on the platform's calendar (the table admins load each year from the
// State Council's notice; ADR 006): feedback on checks (DESIGN §4, default 5, XINYONG_FEEDBACK_DAYS),
// objections, repairs and reports. The calendar is read at most once a minute per process: checks
// would otherwise pay a query each; a newly loaded year applies within that minute.
import type { AppContext } from '../../context.js';
import { deadline, type WorkCalendar } from '../../domain/working-days.js';
import { loadCalendar } from '../calendar/use-cases.js';

const CALENDAR_TTL_MS = 60_000;
// the deadlines computed from it are kept with it: every round of checks asks for the same one
let cached: { db: unknown; calendar: WorkCalendar; until: number; deadlines: Map<string, { dueOn: string; warnings: string[] }> } | null = null;

async function calendarOf(ctx: AppContext) {
  if (cached && cached.db === ctx.db && cached.until > Date.now()) return cached;
  const calendar = await loadCalendar(ctx.db);
  cached = { db: ctx.db, calendar, until: Date.now() + CALENDAR_TTL_MS, deadlines: new Map() };
  return cached;
}

export async function feedbackDueOn(ctx: AppContext, from: string): Promise<{ dueOn: string; warnings: string[] }> {
  return workingDeadline(ctx, from, Number(process.env.XINYONG_FEEDBACK_DAYS ?? 5));
}

/** The date `days` working days after `from` (the day itself not counted, 民法典 第二百零一条), with
 * a warning for every year it runs into whose holiday notice is not loaded. */
export async function workingDeadline(ctx: AppContext, from: string, days: number): Promise<{ dueOn: string; warnings: string[] }> {
  const { calendar, deadlines } = await calendarOf(ctx);
  const key = `${from}+${days}`;
  let due = deadlines.get(key);
  if (!due) {
    const d = deadline(from, days, calendar);
    deadlines.set(key, (due = { dueOn: d.date, warnings: d.warnings }));
  }
  return due;
}
