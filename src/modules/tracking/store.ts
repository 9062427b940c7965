// SQL for 跟踪问效: per department, what happened to the items that arose in a period (dates in
// China's time zone), and which of them are late or overdue as of `today`. Scope explicit:
// `departmentId` null = every department (the credit office).
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface Period { from: string; to: string; today: string; departmentId: string | null }
type Row = Record<string, string> & { department_id: string };

const day = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Asia/Shanghai')::date`);
const inScope = (column: string, departmentId: string | null) => sql`(${departmentId}::uuid IS NULL OR ${sql.raw(column)} = ${departmentId}::uuid)`;

export async function entryFigures(db: Db, p: Period): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT e.department_id,
      count(*) FILTER (WHERE ${day('e.created_at')} BETWEEN ${p.from}::date AND ${p.to}::date) AS published,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM list_entry_event v WHERE v.entry_id = e.id AND v.to_status IN ('expired', 'removed', 'revoked')
        AND ${day('v.at')} BETWEEN ${p.from}::date AND ${p.to}::date)) AS ended
    FROM list_entry e WHERE ${inScope('e.department_id', p.departmentId)} AND e.origin IS NULL
    GROUP BY 1`.execute(db);
  return rows;
}

export async function taskFigures(db: Db, p: Period): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT department_id, count(*) AS pushed, count(*) FILTER (WHERE status = 'acknowledged') AS acknowledged, count(*) FILTER (WHERE status = 'pending') AS pending
    FROM response_task WHERE ${day('created_at')} BETWEEN ${p.from}::date AND ${p.to}::date AND ${inScope('department_id', p.departmentId)}
    GROUP BY 1`.execute(db);
  return rows;
}

export async function checkFigures(db: Db, p: Period): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT c.department_id, count(*) AS total,
      count(*) FILTER (WHERE jsonb_array_length(coalesce(c.result->'entries', '[]')) > 0) AS hits,
      count(*) FILTER (WHERE c.feedback_status <> 'not_required') AS feedback_due,
      count(*) FILTER (WHERE c.feedback_status = 'closed') AS feedback_given,
      count(*) FILTER (WHERE c.feedback_status = 'closed' AND ${day('f.created_at')} > c.feedback_due_on) AS feedback_late,
      count(*) FILTER (WHERE c.feedback_status = 'open' AND c.feedback_due_on < ${p.today}::date) AS overdue
    FROM credit_check c LEFT JOIN check_feedback f ON f.check_id = c.id
    WHERE ${day('c.created_at')} BETWEEN ${p.from}::date AND ${p.to}::date AND ${inScope('c.department_id', p.departmentId)}
    GROUP BY 1`.execute(db);
  return rows;
}

/** Objections: the provider answers for deciding; the credit office for accepting and forwarding. */
export async function objectionFigures(db: Db, p: Period): Promise<Row[]> {
  const { rows } = await sql<Row>`
    WITH o AS (
      SELECT o.*, CASE WHEN o.status IN ('submitted', 'accepted') THEN (SELECT id FROM department WHERE is_platform LIMIT 1) ELSE o.provider_department_id END AS stage_department_id
      FROM objection o WHERE o.submitted_on BETWEEN ${p.from}::date AND ${p.to}::date
    )
    SELECT d.id AS department_id,
      count(*) FILTER (WHERE o.provider_department_id = d.id) AS received,
      count(*) FILTER (WHERE o.provider_department_id = d.id AND o.status IN ('decided', 'returned')) AS decided,
      count(*) FILTER (WHERE o.provider_department_id = d.id AND o.status = 'decided' AND ${day('o.decided_at')} > o.decide_due_on) AS late,
      count(*) FILTER (WHERE o.stage_department_id = d.id AND (
        (o.status = 'submitted' AND o.accept_due_on < ${p.today}::date) OR (o.status = 'accepted' AND o.forward_due_on < ${p.today}::date)
        OR (o.status = 'with_provider' AND o.decide_due_on < ${p.today}::date))) AS overdue
    FROM department d JOIN o ON d.id IN (o.provider_department_id, o.stage_department_id)
    WHERE ${inScope('d.id', p.departmentId)}
    GROUP BY 1`.execute(db);
  return rows;
}

export async function repairFigures(db: Db, p: Period): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT decider_department_id AS department_id, count(*) AS received,
      count(*) FILTER (WHERE status = 'approved') AS approved, count(*) FILTER (WHERE status = 'rejected') AS rejected,
      count(*) FILTER (WHERE status <> 'submitted' AND ${day('decided_at')} > decide_due_on) AS late,
      count(*) FILTER (WHERE status = 'submitted' AND decide_due_on < ${p.today}::date) AS overdue
    FROM repair WHERE submitted_on BETWEEN ${p.from}::date AND ${p.to}::date AND ${inScope('decider_department_id', p.departmentId)}
    GROUP BY 1`.execute(db);
  return rows;
}

/** Reports (举报) answer to their handler's department, to the credit office until one is assigned. */
export async function reportFigures(db: Db, p: Period): Promise<Row[]> {
  const { rows } = await sql<Row>`
    WITH r AS (SELECT r.*, coalesce(r.handler_department_id, (SELECT id FROM department WHERE is_platform LIMIT 1)) AS dept FROM report r
               WHERE r.submitted_on BETWEEN ${p.from}::date AND ${p.to}::date)
    SELECT dept AS department_id, count(*) AS received, count(*) FILTER (WHERE status = 'closed') AS closed,
      count(*) FILTER (WHERE status <> 'closed' AND handle_due_on < ${p.today}::date) AS overdue
    FROM r WHERE ${inScope('dept', p.departmentId)} GROUP BY 1`.execute(db);
  return rows;
}
