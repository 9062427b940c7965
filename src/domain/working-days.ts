// Working days on the Chinese calendar (pure; the calendar is passed in). Source: DESIGN §4 "Working
// days" — weekends and public holidays are off; 调休 make-up Saturdays/Sundays are on; the days come
// from each year's State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知).
//
// Counting follows 民法典 第二百零一条: the day an event happens is not counted, the period starts the
// next day. So "within 7 working days of the decision" means the 7th working day after the decision
// date, and workingDaysBetween(decision, arrival) counts the working days in (decision, arrival].
//
// Dates are ISO strings 'YYYY-MM-DD'. Years without a loaded notice are counted with plain weekends
// and reported by missingYears(), so callers can warn: such results may be wrong.

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface WorkCalendar {
  /** Years whose holiday notice is loaded; other years are counted with plain weekends. */
  readonly years: ReadonlySet<number>;
  /** date → holiday name (days off, including weekend days inside a holiday). */
  readonly holidays: ReadonlyMap<string, string>;
  /** date → holiday name (make-up working days on a Saturday or Sunday). */
  readonly workdays: ReadonlyMap<string, string>;
  /** Day numbers of holidays falling on Monday–Friday, sorted (for O(log n) counting). */
  readonly weekdayHolidays: readonly number[];
  /** Day numbers of make-up working days falling on a weekend, sorted. */
  readonly weekendWorkdays: readonly number[];
}

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date; throws on anything that is not a real date. */
export function dayNumber(date: string): number {
  if (!isRealIsoDate(date)) throw new RangeError(`not a real ISO date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** By arithmetic, not a Date round trip: it runs for every date cell of an import. */
export function isRealIsoDate(date: string): boolean {
  const m = ISO.exec(date);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

const isWeekend = (n: number) => {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
};

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function makeCalendar(days: readonly CalendarDay[], years: Iterable<number>): WorkCalendar {
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  for (const d of days) (d.kind === 'holiday' ? holidays : workdays).set(d.date, d.name);
  const weekdayHolidays = [...holidays.keys()].map(dayNumber).filter((n) => !isWeekend(n)).sort((a, b) => a - b);
  const weekendWorkdays = [...workdays.keys()].map(dayNumber).filter(isWeekend).sort((a, b) => a - b);
  return { years: new Set(years), holidays, workdays, weekdayHolidays, weekendWorkdays };
}

export const EMPTY_CALENDAR: WorkCalendar = makeCalendar([], []);

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return !isWeekend(dayNumber(date));
}

/** Count of sorted values v with lo < v ≤ hi. */
function countIn(sorted: readonly number[], lo: number, hi: number): number {
  const upper = (x: number) => {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (sorted[mid] <= x) a = mid + 1; else b = mid;
    }
    return a;
  };
  return upper(hi) - upper(lo);
}

/** Monday–Friday days in (lo, hi], lo ≤ hi, by arithmetic on whole weeks. */
function weekdaysIn(lo: number, hi: number): number {
  const span = hi - lo;
  let count = Math.floor(span / 7) * 5;
  for (let n = lo + Math.floor(span / 7) * 7 + 1; n <= hi; n++) if (!isWeekend(n)) count++;
  return count;
}

/**
 * Working days in (from, to]: the decision day itself is not counted, the arrival day is. Negative
 * when `to` is before `from` (−working days in (to, from]). O(log n) in the number of holidays.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return -workingDaysBetween(to, from, cal);
  return weekdaysIn(a, b) - countIn(cal.weekdayHolidays, a, b) + countIn(cal.weekendWorkdays, a, b);
}

/**
 * The n-th working day after `date` (n ≥ 1), or n working days before it (n ≤ −1); n = 0 gives
 * `date` itself. "Publish within 7 working days of the decision" → addWorkingDays(decidedOn, 7).
 */
export function addWorkingDays(date: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
  let day = dayNumber(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), cal)) left--;
  }
  return fromDayNumber(day);
}

/** Years touched by [from, to] (either order) that the calendar has no notice for. */
export function missingYears(from: string, to: string, cal: WorkCalendar): number[] {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y);
  const out: number[] = [];
  for (let y = a; y <= b; y++) if (!cal.years.has(y)) out.push(y);
  return out;
}

export function missingYearWarning(year: number): string {
  return `${year} 年的节假日安排尚未导入，涉及该年的期限暂按普通周末计算，可能不准确；请信用办管理员导入国务院办公厅公布的 ${year} 年放假安排。`;
}

/** A deadline n working days after `from`, with a warning for every year it runs into without data. */
export function deadline(from: string, n: number, cal: WorkCalendar): { date: string; warnings: string[] } {
  const date = addWorkingDays(from, n, cal);
  return { date, warnings: missingYears(from, date, cal).map(missingYearWarning) };
}

/**
 * From 1 November, next year's notice is due (the State Council usually publishes it in
 * November): warn while it is missing. Source: the rule "from 1 November the platform
 * warns"; chinese-days carries no data past its last release year.
 */
export function upcomingYearWarnings(today: string, cal: WorkCalendar): string[] {
  const year = Number(today.slice(0, 4));
  const out: string[] = [];
  if (!cal.years.has(year)) out.push(missingYearWarning(year));
  if (Number(today.slice(5, 7)) >= 11 && !cal.years.has(year + 1)) out.push(missingYearWarning(year + 1));
  return out;
}
