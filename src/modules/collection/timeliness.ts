// 双公示 timeliness per department and period: records delivered (first versions that reached the
// platform in the period), on time and late (more than 7 working days after the decision), and rows
// rejected. Source: 国发〔2016〕33号 — licences and penalties are published within 7 working days of
// the decision (reference/RULES.md ✅).
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { isRealIsoDate, missingYears, missingYearWarning } from '../../domain/working-days.js';
import { errors } from '../../errors.js';
import type { Principal } from '../auth/principal.js';
import { loadCalendar, today } from '../calendar/use-cases.js';
import { resolveDepartment } from '../departments/use-cases.js';

export const DUAL_PUBLICITY_WORKING_DAYS = 7;

interface Counts { delivered: number; onTime: number; late: number; rejected: number }

async function delivered(db: Db, from: string, to: string, departmentId: string | null) {
  const { rows } = await sql<{ department_id: string; info_type: string; delivered: string; late: string }>`
    SELECT r.department_id, r.info_type, count(*) AS delivered,
      count(*) FILTER (WHERE r.delay_working_days > ${DUAL_PUBLICITY_WORKING_DAYS}) AS late
    FROM credit_record r
    WHERE r.version = 1 AND r.delay_working_days IS NOT NULL AND r.received_on BETWEEN ${from}::date AND ${to}::date
      AND (${departmentId}::uuid IS NULL OR r.department_id = ${departmentId}::uuid)
    GROUP BY 1, 2`.execute(db);
  return rows;
}

async function rejected(db: Db, from: string, to: string, departmentId: string | null) {
  const { rows } = await sql<{ department_id: string; info_type: string; rejected: string }>`
    SELECT b.department_id, b.info_type, count(DISTINCT (j.batch_id, j.row_no)) AS rejected
    FROM collection_batch b JOIN collection_reject j ON j.batch_id = b.id JOIN info_type t ON t.code = b.info_type
    WHERE (t.definition->>'dualPublicity')::boolean
      AND (b.started_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date
      AND (${departmentId}::uuid IS NULL OR b.department_id = ${departmentId}::uuid)
    GROUP BY 1, 2`.execute(db);
  return rows;
}

const zero = (): Counts => ({ delivered: 0, onTime: 0, late: 0, rejected: 0 });
const rate = (c: Counts) => (c.delivered ? Math.round((c.onTime / c.delivered) * 10000) / 100 : null);

/** `principal` null: the operator at the command line (every department). */
export async function timeliness(opts: { db: Db; principal: Principal | null; from?: string; to?: string; department?: string }) {
  const { db, principal } = opts;
  const to = opts.to ?? today();
  const from = opts.from ?? `${to.slice(0, 7)}-01`;
  for (const [k, v] of [['from', from], ['to', to]]) if (!isRealIsoDate(v)) throw errors.validation([{ path: `querystring.${k}`, message: '应为有效日期（YYYY-MM-DD）' }]);
  if (from > to) throw errors.validation([{ path: 'querystring.from', message: '开始日期不能晚于结束日期' }]);
  const everyDepartment = !principal || principal.platform;
  let departmentId: string | null = everyDepartment ? null : principal.departmentId;
  if (opts.department) {
    const d = await resolveDepartment(db, opts.department);
    if (!everyDepartment && d.id !== principal.departmentId) throw errors.forbidden('只能查看本部门的双公示及时性统计。');
    departmentId = d.id;
  }
  const [del, rej, depts, cal] = await Promise.all([delivered(db, from, to, departmentId), rejected(db, from, to, departmentId),
    db.selectFrom('department').select(['id', 'code', 'name']).execute(), loadCalendar(db)]);
  const byDept = new Map<string, Counts & { byType: Map<string, Counts> }>();
  const slot = (dept: string, type: string) => {
    if (!byDept.has(dept)) byDept.set(dept, { ...zero(), byType: new Map() });
    const d = byDept.get(dept)!;
    if (!d.byType.has(type)) d.byType.set(type, zero());
    return [d, d.byType.get(type)!];
  };
  for (const r of del) for (const c of slot(r.department_id, r.info_type)) {
    c.delivered += Number(r.delivered); c.late += Number(r.late); c.onTime += Number(r.delivered) - Number(r.late);
  }
  for (const r of rej) for (const c of slot(r.department_id, r.info_type)) c.rejected += Number(r.rejected);
  const names = new Map(depts.map((d) => [d.id, d]));
  const items = [...byDept].map(([id, c]) => ({
    department: { code: names.get(id)!.code, name: names.get(id)!.name },
    delivered: c.delivered, onTime: c.onTime, late: c.late, rejected: c.rejected, onTimeRate: rate(c),
    byType: [...c.byType].map(([infoType, t]) => ({ infoType, ...t, onTimeRate: rate(t) })),
  })).sort((a, b) => a.department.code.localeCompare(b.department.code));
  return { from, to, workingDays: DUAL_PUBLICITY_WORKING_DAYS, items, warnings: missingYears(from, to, cal).map(missingYearWarning) };
}
