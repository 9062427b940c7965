import { linkClick } from '../shared/router.js';
import { kindLabel, MATCHED_BY_LABELS, NO_RESULTS } from './labels.js';
import type { SearchItem } from './types.js';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; items: SearchItem[] }
  | { status: 'error'; message: string };

function ResultItem({ item }: { item: SearchItem }) {
  // Subjects with a USCC (organisations, individual businesses) have a public subject page.
  const href = item.uscc && item.kind !== 'natural_person' ? `/subjects/${encodeURIComponent(item.uscc)}` : null;
  return (
    <li className="result">
      <h3 className="result__name">
        {href ? <a href={href} onClick={linkClick}>{item.name}</a> : item.name}
      </h3>
      <dl className="result__facts">
        <div>
          <dt>主体类型</dt>
          <dd>{kindLabel(item.kind)}</dd>
        </div>
        {item.uscc && (
          <div>
            <dt>统一社会信用代码</dt>
            <dd className="code">{item.uscc}</dd>
          </div>
        )}
        {!item.uscc && item.idNumberMasked && (
          <div>
            <dt>身份证号码</dt>
            <dd className="code">{item.idNumberMasked}</dd>
          </div>
        )}
        <div>
          <dt>所属地区</dt>
          <dd>{item.regionName ?? '—'}</dd>
        </div>
      </dl>
      <span className="result__match">{MATCHED_BY_LABELS[item.matchedBy] ?? ''}</span>
    </li>
  );
}

export function SearchResults({ query, state }: { query: string; state: SearchState }) {
  if (state.status === 'idle') return null;
  return (
    <section className="results" aria-labelledby="results-heading" aria-busy={state.status === 'loading'}>
      <h2 id="results-heading" className="results__heading">查询结果</h2>
      <div aria-live="polite" className="results__status">
        {state.status === 'loading' && <p>正在查询“{query}”……</p>}
        {state.status === 'done' && state.items.length === 0 && <p className="results__empty">{NO_RESULTS}</p>}
        {state.status === 'done' && state.items.length > 0 && (
          <p>“{query}”的查询结果共 {state.items.length} 条</p>
        )}
      </div>
      {state.status === 'error' && <p className="notice notice--error" role="alert">{state.message}</p>}
      {state.status === 'done' && state.items.length > 0 && (
        <ul className="results__list">
          {state.items.map((item) => <ResultItem key={item.id} item={item} />)}
        </ul>
      )}
    </section>
  );
}
