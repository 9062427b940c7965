import { linkClick } from '../shared/router.js';
import { LIST_KIND_LABELS } from './labels.js';

export interface PublicEntry {
  id: string;
  listType: string;
  listTypeName: string;
  kind: 'red' | 'black';
  legalBasis: string;
  reason: string;
  decisionNo: string;
  decidedOn: string;
  startsOn: string;
  endsOn: string | null;
  department: string;
  subject: { kind: string; name: string; uscc: string | null; idNumberMasked: string | null };
  /** Mirrored from another credit platform, which handles objections and repairs. */
  decidedElsewhere?: { platform: string } | null;
}

export interface PublicEntries {
  page: number;
  pageSize: number;
  hasMore: boolean;
  items: PublicEntry[];
}

function rightsLink(path: string, e: PublicEntry): string {
  return `${path}?${new URLSearchParams({ entry: e.id, subject: e.subject.name, list: e.listTypeName })}`;
}

/** One public list entry, with the ways to challenge or repair it. */
export function ListEntryCard({ entry, showSubject = true, headingLevel = 3 }: { entry: PublicEntry; showSubject?: boolean; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as 'h3' | 'h4';
  const s = entry.subject;
  const subjectHref = s.uscc && s.kind !== 'natural_person' ? `/subjects/${encodeURIComponent(s.uscc)}` : null;
  return (
    <li className={`entry entry--${entry.kind}`}>
      <Heading className="entry__title">
        <span className={`badge badge--${entry.kind}`}>{LIST_KIND_LABELS[entry.kind]}</span>
        {showSubject ? (subjectHref ? <a href={subjectHref} onClick={linkClick}>{s.name}</a> : s.name) : entry.listTypeName}
      </Heading>
      <dl className="entry__facts">
        {showSubject && <div><dt>{s.uscc ? '统一社会信用代码' : '身份证号码'}</dt><dd className="code">{s.uscc ?? s.idNumberMasked ?? '—'}</dd></div>}
        {!showSubject && <div><dt>认定依据</dt><dd>{entry.legalBasis}</dd></div>}
        <div><dt>{entry.kind === 'red' ? '列入理由' : '失信行为'}</dt><dd>{entry.reason}</dd></div>
        <div><dt>认定文书号</dt><dd>{entry.decisionNo}</dd></div>
        <div><dt>认定部门</dt><dd>{entry.department}</dd></div>
        <div><dt>认定日期</dt><dd>{entry.decidedOn}</dd></div>
        <div><dt>有效期</dt><dd>{entry.endsOn ? `${entry.startsOn} 至 ${entry.endsOn}` : `${entry.startsOn} 起，直至移出`}</dd></div>
        <div><dt>记录编号</dt><dd className="code entry__id"><a href={`/entries/${entry.id}`} onClick={linkClick}>{entry.id}</a></dd></div>
      </dl>
      {entry.decidedElsewhere ? (
        <p className="entry__actions">
          本记录由{entry.decidedElsewhere.platform}所在的信用平台认定，本平台同步显示；异议和信用修复请向该平台提出，处理结果将同步到本平台。
        </p>
      ) : (
        <p className="entry__actions">
          <a href={rightsLink('/objection', entry)} onClick={linkClick}>对此记录提出异议</a>
          {entry.kind === 'black' && <a href={rightsLink('/repair', entry)} onClick={linkClick}>申请信用修复</a>}
        </p>
      )}
    </li>
  );
}
