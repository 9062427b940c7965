// Calendar-month arithmetic on ISO dates (terms and publication periods are in months, counted
// from a date): date + n months, clamped to the month's end (2026-01-31 + 1 month = 2026-02-28).
export function addMonths(date: string, months: number, extraDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last) + extraDays);
  return target.toISOString().slice(0, 10);
}
