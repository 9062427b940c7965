// When feedback on a check is due: N working days after the check (DESIGN §4, default 5,
// XINYONG_FEEDBACK_DAYS). Interim: counts on chinese-days until the calendar module lands.
import cd from 'chinese-days';
import type { AppContext } from '../../context.js';

export async function feedbackDueOn(ctx: AppContext, from: string): Promise<{ dueOn: string; warnings: string[] }> {
  return workingDeadline(ctx, from, Number(process.env.XINYONG_FEEDBACK_DAYS ?? 5));
}

/** The date `days` working days after `from` (the day itself not counted, 民法典 第二百零一条). */
export async function workingDeadline(ctx: AppContext, from: string, days: number): Promise<{ dueOn: string; warnings: string[] }> {
  let d = new Date(`${from}T00:00:00Z`);
  for (let n = 0; n < days;) {
    d = new Date(d.getTime() + 86_400_000);
    if (cd.isWorkday(d.toISOString().slice(0, 10))) n++;
  }
  void ctx;
  return { dueOn: d.toISOString().slice(0, 10), warnings: [] };
}
