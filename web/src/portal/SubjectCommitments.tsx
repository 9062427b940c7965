import { NO_PUBLIC_INFO } from './labels.js';
import { usePublic } from './usePublic.js';

interface PublicCommitment {
  code: string; type: string; matter: string; content: string; madeOn: string; dueOn: string | null;
  fulfilmentLabel: string; fulfilmentOn: string | null; broken: boolean; department: { name: string };
}

/** 信用承诺 on the subject page: the organisation's public commitments and whether they were kept. */
export function SubjectCommitments({ uscc }: { uscc: string }) {
  const state = usePublic<{ items: PublicCommitment[] }>(`/public/subjects/${encodeURIComponent(uscc)}/commitments`);
  const items = state.status === 'done' ? state.data.items : [];
  return (
    <section className="panel" aria-labelledby="commitments-heading">
      <h2 id="commitments-heading" className="panel__title">信用承诺</h2>
      {state.status === 'loading' && <p className="panel__empty">正在加载……</p>}
      {state.status === 'error' && <p className="notice notice--error" role="alert">{state.message}</p>}
      {(state.status === 'empty' || (state.status === 'done' && items.length === 0)) && <p className="panel__empty">{NO_PUBLIC_INFO}</p>}
      {items.length > 0 && (
        <ul className="entry-list entry-list--panel">
          {items.map((c) => (
            <li key={c.code} className="entry">
              <h3 className="entry__title">{c.type} · {c.matter}</h3>
              <dl className="facts">
                <div className="facts__row"><dt>承诺编号</dt><dd><span className="code">{c.code}</span></dd></div>
                <div className="facts__row"><dt>承诺内容</dt><dd>{c.content}</dd></div>
                <div className="facts__row"><dt>承诺日期</dt><dd>{c.madeOn}{c.dueOn ? `（履行期限 ${c.dueOn}）` : ''}</dd></div>
                <div className="facts__row"><dt>接收部门</dt><dd>{c.department.name}</dd></div>
                <div className="facts__row"><dt>履行情况</dt><dd>{c.fulfilmentLabel}{c.fulfilmentOn ? `（${c.fulfilmentOn} 认定）` : ''}{c.broken && <span className="badge badge--danger">失信</span>}</dd></div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
