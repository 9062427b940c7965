// 跟踪问效: the quarterly report the platform produces from its own data (DESIGN §4 Tracking) — per
// department, 双公示 delivered and on time, entries published, listings pushed and acknowledged,
// checks, hits and feedback, objections, repairs and reports handled on time — and the departments
// that lag, with their reasons. The credit office sees every department; a department its own row.
import type { Db } from '../../db/database.js';
import { laggingReasons, lastEndedQuarter, parseQuarter, percent, type DepartmentFigures, type Quarter } from '../../domain/tracking.js';
import { errors } from '../../errors.js';
import type { Principal } from '../auth/principal.js';
import { today as todayInChina } from '../calendar/use-cases.js';
import { timeliness } from '../collection/timeliness.js';
import { resolveDepartment } from '../departments/use-cases.js';
import * as store from './store.js';

export interface DepartmentReport extends DepartmentFigures {
  department: { code: string; name: string; roles: string[] };
  rates: { dualPublicityOnTime: number | null; taskAcknowledged: number | null; feedback: number | null };
  lagging: string[];
}

export interface QuarterlyReport {
  quarter: Quarter;
  asOf: string;
  departments: DepartmentReport[];
  totals: DepartmentFigures;
  laggards: { department: { code: string; name: string }; reasons: string[] }[];
  warnings: string[];
}

const empty = (): DepartmentFigures => ({
  collection: { delivered: 0, onTime: 0, late: 0, rejected: 0 },
  entries: { published: 0, ended: 0 },
  tasks: { pushed: 0, acknowledged: 0, pending: 0 },
  checks: { total: 0, hits: 0, feedbackDue: 0, feedbackGiven: 0, feedbackLate: 0, overdue: 0 },
  objections: { received: 0, decided: 0, late: 0, overdue: 0 },
  repairs: { received: 0, approved: 0, rejected: 0, late: 0, overdue: 0 },
  reports: { received: 0, closed: 0, overdue: 0 },
});

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Adds SQL rows (department_id + counts as strings, snake_case) into the figures' section. */
function addRows<K extends keyof DepartmentFigures>(figures: Map<string, DepartmentFigures>, section: K, rows: Record<string, string>[]) {
  for (const row of rows) {
    const f = figures.get(row.department_id);
    if (!f) continue;
    const target = f[section] as Record<string, number>;
    for (const key of Object.keys(target)) target[key] += Number(row[snake(key)] ?? 0);
  }
}

function sum(all: DepartmentFigures[]): DepartmentFigures {
  const total = empty();
  for (const f of all) {
    for (const section of Object.keys(total) as (keyof DepartmentFigures)[]) {
      const t = total[section] as Record<string, number>;
      for (const [k, v] of Object.entries(f[section])) t[k] += v;
    }
  }
  return total;
}

/** `principal` null: the operator at the command line, like the credit office. */
async function scopeOf(db: Db, principal: Principal | null, department?: string): Promise<string | null> {
  const everyDepartment = !principal || principal.platform;
  if (!department) return everyDepartment ? null : principal.departmentId;
  const d = await resolveDepartment(db, department);
  if (!everyDepartment && d.id !== principal.departmentId) throw errors.forbidden('只能查看本部门的跟踪问效统计。');
  return d.id;
}

export async function quarterlyReport(opts: { db: Db; principal: Principal | null; quarter?: string; department?: string; today?: string }): Promise<QuarterlyReport> {
  const { db, principal } = opts;
  const asOf = opts.today ?? todayInChina();
  const quarter = opts.quarter === undefined ? lastEndedQuarter(asOf) : parseQuarter(opts.quarter);
  if (!quarter) throw errors.validation([{ path: 'querystring.quarter', message: '季度格式应为 YYYYQn，如 2026Q3' }]);
  if (quarter.from > asOf) throw errors.validation([{ path: 'querystring.quarter', message: `${quarter.code} 尚未开始，无法统计` }]);
  const departmentId = await scopeOf(db, principal, opts.department);
  const period = { from: quarter.from, to: quarter.to < asOf ? quarter.to : asOf, today: asOf, departmentId };
  const [departments, dual, entries, tasks, checks, objections, repairs, reports] = await Promise.all([
    db.selectFrom('department').select(['id', 'code', 'name', 'roles']).where((eb) => (departmentId ? eb('id', '=', departmentId) : eb.lit(true))).orderBy('code').execute(),
    timeliness({ db, principal, from: period.from, to: period.to, ...(opts.department ? { department: opts.department } : {}) }),
    store.entryFigures(db, period), store.taskFigures(db, period), store.checkFigures(db, period),
    store.objectionFigures(db, period), store.repairFigures(db, period), store.reportFigures(db, period),
  ]);
  const figures = new Map(departments.map((d) => [d.id, empty()]));
  const byCode = new Map(departments.map((d) => [d.code, d.id]));
  for (const item of dual.items) {
    const f = figures.get(byCode.get(item.department.code) ?? '');
    if (f) f.collection = { delivered: item.delivered, onTime: item.onTime, late: item.late, rejected: item.rejected };
  }
  addRows(figures, 'entries', entries);
  addRows(figures, 'tasks', tasks);
  addRows(figures, 'checks', checks);
  addRows(figures, 'objections', objections);
  addRows(figures, 'repairs', repairs);
  addRows(figures, 'reports', reports);
  const rows: DepartmentReport[] = departments.map((d) => {
    const f = figures.get(d.id)!;
    return {
      department: { code: d.code, name: d.name, roles: d.roles }, ...f,
      rates: { dualPublicityOnTime: percent(f.collection.onTime, f.collection.delivered), taskAcknowledged: percent(f.tasks.acknowledged, f.tasks.pushed), feedback: percent(f.checks.feedbackGiven, f.checks.feedbackDue) },
      lagging: laggingReasons(f),
    };
  });
  return {
    quarter, asOf, departments: rows, totals: sum(rows),
    laggards: rows.filter((r) => r.lagging.length).map((r) => ({ department: { code: r.department.code, name: r.department.name }, reasons: r.lagging })),
    warnings: [...(quarter.to > asOf ? [`${quarter.code} 尚未结束，统计截至 ${asOf}`] : []), ...dual.warnings],
  };
}
