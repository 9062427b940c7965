import { NO_PUBLIC_INFO } from './labels.js';
import { RecordCard, type PublicRecord } from './RecordCard.js';
import { usePublic } from './usePublic.js';

/** 双公示 on the subject page: the organisation's published licences and penalties (GET /public/records?subject=). */
export function SubjectRecords({ uscc }: { uscc: string }) {
  const state = usePublic<{ items: (PublicRecord & { infoType: string })[] }>(`/public/records?subject=${encodeURIComponent(uscc)}&limit=50`);
  const items = state.status === 'done' ? state.data.items : [];
  return (
    <section className="panel" aria-labelledby="publicity-heading">
      <h2 id="publicity-heading" className="panel__title">双公示（行政许可、行政处罚）</h2>
      {state.status === 'loading' && <p className="panel__empty">正在加载……</p>}
      {state.status === 'error' && <p className="notice notice--error" role="alert">{state.message}</p>}
      {(state.status === 'empty' || (state.status === 'done' && items.length === 0)) && <p className="panel__empty">{NO_PUBLIC_INFO}</p>}
      {items.length > 0 && (
        <ul className="entry-list entry-list--panel">{items.map((r) => <RecordCard key={r.id} record={r} typeCode={r.infoType} headingLevel={3} />)}</ul>
      )}
    </section>
  );
}
