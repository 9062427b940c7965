// 跟踪问效 (豫政〔2016〕65号 五(九), 七(三); DESIGN §4 Tracking): quarters, the report's due date, and which
// departments lag and why. Pure: the figures come from the tracking store.

export interface Quarter {
  code: string; // 2026Q3
  from: string; // first day, YYYY-MM-DD
  to: string; // last day
  /** departments report by the 5th of the first month of the next quarter */
  dueOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const LAST_DAY = [31, 30, 30, 31]; // of the quarter's last month: Mar, Jun, Sep, Dec

export function parseQuarter(code: string): Quarter | null {
  const m = /^(\d{4})\s*[Qq]([1-4])$/.exec(code.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  if (year < 2000 || year > 2100) return null;
  const first = (q - 1) * 3 + 1;
  const next = q === 4 ? `${year + 1}-01-05` : `${year}-${pad(first + 3)}-05`;
  return { code: `${year}Q${q}`, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${LAST_DAY[q - 1]}`, dueOn: next };
}

export function quarterOf(date: string): Quarter {
  const month = Number(date.slice(5, 7));
  return parseQuarter(`${date.slice(0, 4)}Q${Math.ceil(month / 3)}`)!;
}

/** The last quarter that has ended by `today`: the one whose report is being prepared. */
export function lastEndedQuarter(today: string): Quarter {
  const current = quarterOf(today);
  const year = Number(current.code.slice(0, 4));
  const q = Number(current.code.slice(5));
  return parseQuarter(q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`)!;
}

export interface DepartmentFigures {
  collection: { delivered: number; onTime: number; late: number; rejected: number };
  entries: { published: number; ended: number };
  tasks: { pushed: number; acknowledged: number; pending: number };
  checks: { total: number; hits: number; feedbackDue: number; feedbackGiven: number; feedbackLate: number; overdue: number };
  objections: { received: number; decided: number; late: number; overdue: number };
  repairs: { received: number; approved: number; rejected: number; late: number; overdue: number };
  reports: { received: number; closed: number; overdue: number };
}

/** Why a department lags, in words a credit officer puts in the quarterly report; [] when it does not. */
export function laggingReasons(f: DepartmentFigures): string[] {
  const reasons: string[] = [];
  if (f.collection.late) reasons.push(`双公示超期报送 ${f.collection.late} 条（超过 7 个工作日）`);
  if (f.tasks.pending) reasons.push(`${f.tasks.pending} 条推送名单未响应`);
  if (f.checks.overdue) reasons.push(`${f.checks.overdue} 次核查的执行反馈已逾期`);
  if (f.checks.feedbackLate) reasons.push(`${f.checks.feedbackLate} 次执行反馈超期提交`);
  if (f.objections.overdue) reasons.push(`${f.objections.overdue} 件异议超期未办结`);
  if (f.objections.late) reasons.push(`${f.objections.late} 件异议超期办结`);
  if (f.repairs.overdue) reasons.push(`${f.repairs.overdue} 件信用修复申请超期未办结`);
  if (f.repairs.late) reasons.push(`${f.repairs.late} 件信用修复申请超期办结`);
  if (f.reports.overdue) reasons.push(`${f.reports.overdue} 件举报超期未办结`);
  return reasons;
}

/** Share in percent with two decimals; null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole ? Math.round((part / whole) * 10000) / 100 : null;
}
