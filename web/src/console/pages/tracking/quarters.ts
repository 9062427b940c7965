// The quarters the tracking page offers, and the shape of GET /tracking/quarterly.

export interface Figures {
  collection: { delivered: number; onTime: number; late: number; rejected: number };
  entries: { published: number; ended: number };
  tasks: { pushed: number; acknowledged: number; pending: number };
  checks: { total: number; hits: number; feedbackDue: number; feedbackGiven: number; feedbackLate: number; overdue: number };
  objections: { received: number; decided: number; late: number; overdue: number };
  repairs: { received: number; approved: number; rejected: number; late: number; overdue: number };
  reports: { received: number; closed: number; overdue: number };
}

export interface DepartmentReport extends Figures {
  department: { code: string; name: string; roles: string[] };
  rates: { dualPublicityOnTime: number | null; taskAcknowledged: number | null; feedback: number | null };
  lagging: string[];
}

export interface QuarterlyReport {
  quarter: { code: string; from: string; to: string; dueOn: string };
  asOf: string;
  departments: DepartmentReport[];
  totals: Figures;
  laggards: { department: { code: string; name: string }; reasons: string[] }[];
  warnings: string[];
}

/** The current quarter (in China's time) and the `count - 1` before it, newest first. */
export function recentQuarters(now: Date, count: number): { code: string; label: string }[] {
  const china = new Date(now.getTime() + 8 * 3600_000);
  let year = china.getUTCFullYear();
  let q = Math.floor(china.getUTCMonth() / 3) + 1;
  const out: { code: string; label: string }[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ code: `${year}Q${q}`, label: `${year} 年第${'一二三四'[q - 1]}季度${i === 0 ? '（本季度）' : ''}` });
    q -= 1;
    if (q === 0) { q = 4; year -= 1; }
  }
  return out;
}
