import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addWorkingDays, dayNumber, deadline, EMPTY_CALENDAR, fromDayNumber, isWorkingDay, makeCalendar, missingYears,
  upcomingYearWarnings, workingDaysBetween, type CalendarDay,
} from './working-days.js';

// The real data the platform seeds from (chinese-days 1.5.x: 2004–2026 State Council notices).
const raw = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as
  { holidays: Record<string, string>; workdays: Record<string, string> };
const days: CalendarDay[] = [
  ...Object.entries(raw.holidays).map(([date, v]) => ({ date, kind: 'holiday' as const, name: v.split(',')[1] })),
  ...Object.entries(raw.workdays).map(([date, v]) => ({ date, kind: 'workday' as const, name: v.split(',')[1] })),
];
const cal = makeCalendar(days, Array.from({ length: 23 }, (_, i) => 2004 + i));

/** The obvious day-by-day count, to check the fast one against. */
function naiveBetween(from: string, to: string): number {
  let n = 0;
  for (let d = dayNumber(from) + 1; d <= dayNumber(to); d++) if (isWorkingDay(fromDayNumber(d), cal)) n++;
  return n;
}

describe('isWorkingDay', () => {
  test('weekdays work, weekends rest, without any notice', () => {
    assert.equal(isWorkingDay('2027-03-03', EMPTY_CALENDAR), true); // Wednesday
    assert.equal(isWorkingDay('2027-03-06', EMPTY_CALENDAR), false); // Saturday
    assert.equal(isWorkingDay('2027-03-07', EMPTY_CALENDAR), false); // Sunday
  });
  test('Spring Festival 2026 (2-15 … 2-23) is off, make-up Saturdays 2-14 and 2-28 are on', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23']) assert.equal(isWorkingDay(d, cal), false, d);
    assert.equal(isWorkingDay('2026-02-14', cal), true);
    assert.equal(isWorkingDay('2026-02-28', cal), true);
    assert.equal(isWorkingDay('2026-02-24', cal), true);
  });
  test('National Day 2025 (10-1 … 10-8) is off, Sunday 9-28 and Saturday 10-11 are on', () => {
    assert.equal(isWorkingDay('2025-10-08', cal), false);
    assert.equal(isWorkingDay('2025-09-28', cal), true);
    assert.equal(isWorkingDay('2025-10-11', cal), true);
  });
  test('New Year 2026: 1-1 … 1-3 off, Sunday 1-4 on', () => {
    assert.equal(isWorkingDay('2026-01-02', cal), false);
    assert.equal(isWorkingDay('2026-01-04', cal), true);
  });
  test('rejects what is not a real ISO date', () => {
    assert.throws(() => isWorkingDay('2026-02-30', cal), RangeError);
    assert.throws(() => isWorkingDay('2026/02/01', cal), RangeError);
  });
});

describe('addWorkingDays', () => {
  test('a plain week: Monday + 7 working days is the Wednesday after next', () => {
    assert.equal(addWorkingDays('2026-03-02', 7, cal), '2026-03-11');
  });
  test('a decision just before Spring Festival 2026 is due after it, counting the make-up Saturday', () => {
    // 2-12 Thu → 2-13 Fri (1), 2-14 Sat make-up (2), 2-15…2-23 off, 2-24 (3) 2-25 (4) 2-26 (5) 2-27 (6) 2-28 Sat make-up (7)
    assert.equal(addWorkingDays('2026-02-12', 7, cal), '2026-02-28');
  });
  test('National Day 2025: a decision on 9-26 is due on 10-13', () => {
    // 9-28 Sun (1), 9-29 (2), 9-30 (3), 10-1…10-8 off, 10-9 (4), 10-10 (5), 10-11 Sat (6), 10-13 Mon (7)
    assert.equal(addWorkingDays('2025-09-26', 7, cal), '2025-10-13');
  });
  test('across the year boundary: 2025-12-31 + 1 is the make-up Sunday 2026-01-04', () => {
    assert.equal(addWorkingDays('2025-12-31', 1, cal), '2026-01-04');
  });
  test('without a notice for 2027 its New Year is counted as a working day (hence the warnings)', () => {
    assert.equal(addWorkingDays('2026-12-31', 1, cal), '2027-01-01');
    assert.deepEqual(missingYears('2026-12-31', '2027-01-01', cal), [2027]);
    const d = deadline('2026-12-28', 7, cal);
    assert.equal(d.warnings.length, 1);
    assert.match(d.warnings[0], /2027 年的节假日安排尚未导入/);
    assert.deepEqual(deadline('2026-03-02', 7, cal).warnings, []);
  });
  test('once 2027 is loaded, its holidays count', () => {
    const with2027 = makeCalendar([...days, { date: '2027-01-01', kind: 'holiday', name: '元旦' }], [...cal.years, 2027]);
    assert.equal(addWorkingDays('2026-12-31', 1, with2027), '2027-01-04');
  });
  test('zero is the day itself, negative counts backwards', () => {
    assert.equal(addWorkingDays('2026-02-15', 0, cal), '2026-02-15');
    assert.equal(addWorkingDays('2026-02-24', -1, cal), '2026-02-14');
  });
});

describe('workingDaysBetween', () => {
  test('excludes the start day, includes the end day', () => {
    assert.equal(workingDaysBetween('2026-03-02', '2026-03-02', cal), 0);
    assert.equal(workingDaysBetween('2026-03-02', '2026-03-03', cal), 1);
    assert.equal(workingDaysBetween('2026-03-06', '2026-03-09', cal), 1); // Fri → Mon
  });
  test('Spring Festival 2024 (2-10 … 2-17 off, Sundays 2-4 and 2-18 on)', () => {
    // (2-2, 2-19]: Sunday 2-4 (1), 2-5…2-9 (5), 2-10…2-17 off, Sunday 2-18 and Monday 2-19 (2)
    assert.equal(workingDaysBetween('2024-02-02', '2024-02-19', cal), 8);
  });
  test('is negative when reversed', () => {
    assert.equal(workingDaysBetween('2026-03-11', '2026-03-02', cal), -7);
  });
  test('agrees with a day-by-day count on random spans 2004–2027', () => {
    fc.assert(fc.property(fc.integer({ min: dayNumber('2004-01-01'), max: dayNumber('2027-12-31') }), fc.integer({ min: 0, max: 800 }), (a, span) => {
      const from = fromDayNumber(a);
      const to = fromDayNumber(a + span);
      assert.equal(workingDaysBetween(from, to, cal), naiveBetween(from, to));
    }), { numRuns: 300 });
  });
  test('inverts addWorkingDays', () => {
    fc.assert(fc.property(fc.integer({ min: dayNumber('2004-01-01'), max: dayNumber('2026-12-01') }), fc.integer({ min: 0, max: 40 }), (a, n) => {
      const from = fromDayNumber(a);
      const to = addWorkingDays(from, n, cal);
      assert.equal(workingDaysBetween(from, to, cal), n);
      if (n > 0) assert.equal(isWorkingDay(to, cal), true);
    }), { numRuns: 300 });
  });
});

describe('upcomingYearWarnings', () => {
  test('from 1 November, a missing next year is announced', () => {
    assert.deepEqual(upcomingYearWarnings('2026-10-31', cal), []);
    assert.equal(upcomingYearWarnings('2026-11-01', cal).length, 1);
    assert.match(upcomingYearWarnings('2026-11-01', cal)[0], /2027/);
  });
  test('a missing current year is always announced', () => {
    assert.equal(upcomingYearWarnings('2027-03-01', cal).length, 1);
  });
});
