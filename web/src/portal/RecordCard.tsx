import { linkClick } from '../shared/router.js';

export interface PublicField { key: string; label: string; value: unknown }

export interface PublicRecord {
  id: string;
  infoType?: string;
  infoTypeName?: string;
  department: string;
  decidedOn: string | null;
  publishUntil: string | null;
  /** absent on the subject page (the page is the subject) */
  subject?: { kind: string; name: string; uscc: string | null; idNumberMasked: string | null };
  fields: PublicField[];
  /** 异议处理中 while an accepted objection is verified */
  mark?: string | null;
}

export const PUBLICITY_TYPES = [
  { code: 'admin_license', name: '行政许可' },
  { code: 'admin_penalty', name: '行政处罚' },
] as const;

/** The fields a reader looks for first, per info type; the rest sit under 全部公示内容. */
const HEADLINE: Record<string, string[]> = {
  admin_penalty: ['decision_no', 'violation_type', 'penalty_type', 'penalty_content', 'basis'],
  admin_license: ['decision_no', 'license_type', 'cert_name', 'content', 'valid_from', 'valid_to'],
};
/** Shown elsewhere on the card (title, facts). */
const ON_CARD = new Set(['subject_name', 'subject_category', 'uscc', 'decided_on', 'authority']);

const text = (value: unknown) => (Array.isArray(value) ? value.join('；') : String(value));

function rightsLink(path: string, r: PublicRecord, typeName: string): string {
  return `${path}?${new URLSearchParams({ record: r.id, ...(r.subject ? { subject: r.subject.name } : {}), list: typeName })}`;
}

/** One published 双公示 record: who, what was decided, by whom, until when it is shown. */
export function RecordCard({ record, typeCode, headingLevel = 3 }: { record: PublicRecord; typeCode: string; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as 'h3' | 'h4';
  const s = record.subject;
  const href = s?.uscc && s.kind !== 'natural_person' ? `/subjects/${encodeURIComponent(s.uscc)}` : null;
  const headline = (HEADLINE[typeCode] ?? []).map((k) => record.fields.find((f) => f.key === k)).filter((f): f is PublicField => !!f);
  const rest = record.fields.filter((f) => !ON_CARD.has(f.key) && !headline.includes(f));
  const typeName = PUBLICITY_TYPES.find((t) => t.code === typeCode)?.name ?? record.infoTypeName ?? '';
  return (
    <li className="entry record">
      <Heading className="entry__title">
        <span className="badge badge--info">{typeName}</span>
        {s ? (href ? <a href={href} onClick={linkClick}>{s.name}</a> : s.name) : headline[0] ? text(headline[0].value) : typeName}
        {record.mark && <span className="badge badge--danger">{record.mark}</span>}
      </Heading>
      <dl className="entry__facts">
        {s && <div><dt>{s.kind === 'natural_person' ? '身份证号码' : '统一社会信用代码'}</dt><dd className="code">{s.uscc ?? s.idNumberMasked ?? '—'}</dd></div>}
        {headline.map((f) => <div key={f.key}><dt>{f.label}</dt><dd>{text(f.value)}</dd></div>)}
        <div><dt>决定日期</dt><dd>{record.decidedOn ?? '—'}</dd></div>
        <div><dt>决定机关</dt><dd>{text(record.fields.find((f) => f.key === 'authority')?.value ?? record.department)}</dd></div>
        <div><dt>公示截止</dt><dd>{record.publishUntil ?? '长期'}</dd></div>
      </dl>
      {rest.length > 0 && (
        <details className="record__more">
          <summary>全部公示内容</summary>
          <dl className="entry__facts">{rest.map((f) => <div key={f.key}><dt>{f.label}</dt><dd>{text(f.value)}</dd></div>)}</dl>
        </details>
      )}
      <p className="entry__actions">
        <a href={rightsLink('/objection', record, typeName)} onClick={linkClick}>对此记录提出异议</a>
        {typeCode === 'admin_penalty' && <a href={rightsLink('/repair', record, typeName)} onClick={linkClick}>申请停止公示（信用修复）</a>}
      </p>
    </li>
  );
}
