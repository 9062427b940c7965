// The portal's 双公示 pages (行政许可, 行政处罚): one public info type's published records across
// subjects, by department and decision date, paged; personal fields left out and natural persons'
// ID numbers masked (ADR 004, ADR 012). Also the providing departments, for the page's filter.
import type { AppContext } from '../../context.js';
import { isRealIsoDate } from '../../domain/working-days.js';
import { errors } from '../../errors.js';
import { today } from '../calendar/use-cases.js';
import { getInfoType } from '../catalog/use-cases.js';
import { listDepartments } from '../departments/store.js';
import { resolveDepartment } from '../departments/use-cases.js';
import * as store from './store.js';
import { markOf } from './use-cases.js';

export interface PublicRecordListQuery { type: string; department?: string; from?: string; to?: string; page?: number; pageSize?: number }

function checkDates(q: PublicRecordListQuery) {
  const errs = (['from', 'to'] as const).filter((k) => q[k] !== undefined && !isRealIsoDate(q[k]!))
    .map((k) => ({ path: `querystring.${k}`, message: '应为有效日期（YYYY-MM-DD）' }));
  if (errs.length) throw errors.validation(errs);
}

export async function listPublicRecordList(opts: { ctx: AppContext; query: PublicRecordListQuery }) {
  const { ctx, query: q } = opts;
  checkDates(q);
  const def = await getInfoType({ db: ctx.db, code: q.type });
  if (def.disclosure !== 'public') throw errors.notFound(`公开的信息类别 ${q.type}`);
  const departmentId = q.department ? (await resolveDepartment(ctx.db, q.department)).id : undefined;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const rows = await store.findPublicRecordList(ctx.db, { infoType: q.type, departmentId, from: q.from, to: q.to, today: today(), limit: pageSize, offset: (page - 1) * pageSize });
  const shown = def.fields.filter((f) => !f.pii);
  return {
    infoType: def.code, infoTypeName: def.name, page, pageSize, hasMore: rows.length > pageSize,
    items: rows.slice(0, pageSize).map((r) => ({
      id: r.record_id, department: r.department_name, decidedOn: r.decided_on, publishUntil: r.max_publish_until,
      status: r.status, mark: markOf(r.status),
      subject: { kind: r.subject_kind, name: r.subject_name, uscc: r.subject_uscc, idNumberMasked: r.subject_kind === 'natural_person' ? r.subject_masked : null },
      fields: shown.filter((f) => r.fields[f.key] !== null && r.fields[f.key] !== undefined && r.fields[f.key] !== '')
        .map((f) => ({ key: f.key, label: f.label, value: r.fields[f.key] })),
    })),
  };
}

/** Departments that provide data (and the credit office): the filter of the 双公示 pages. */
export async function publicProviderDepartments(opts: { ctx: AppContext }) {
  const rows = await listDepartments(opts.ctx.db);
  return rows.filter((d) => d.is_platform || d.roles.includes('provider')).map((d) => ({ code: d.code, name: d.name }));
}
