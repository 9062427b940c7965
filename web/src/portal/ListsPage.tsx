import { useEffect } from 'react';
import { linkClick, useLocation } from '../shared/router.js';
import { LIST_KIND_LABELS, NO_PUBLIC_DATA } from './labels.js';
import { ListEntryCard, type PublicEntries } from './ListEntryCard.js';
import { usePublic } from './usePublic.js';

interface PublicListType {
  code: string;
  name: string;
  kind: 'red' | 'black';
  domain: string;
  legalBasis: string;
  termMonths: number | null;
  exitConditions: string | null;
}

const listHref = (code: string, page = 1) => `/lists?type=${encodeURIComponent(code)}${page > 1 ? `&page=${page}` : ''}`;

function TypeNav({ types, current }: { types: PublicListType[]; current: string | null }) {
  return (
    <nav className="list-types" aria-label="名单类型">
      {(['red', 'black'] as const).map((kind) => (
        <div key={kind} className="list-types__group">
          <h2 className={`list-types__heading list-types__heading--${kind}`}>{LIST_KIND_LABELS[kind]}</h2>
          <ul>
            {types.filter((t) => t.kind === kind).map((t) => (
              <li key={t.code}>
                <a href={listHref(t.code)} onClick={linkClick} aria-current={t.code === current ? 'page' : undefined}>{t.name}</a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function Entries({ type, page }: { type: PublicListType; page: number }) {
  const state = usePublic<PublicEntries>(`/public/list-entries?listType=${encodeURIComponent(type.code)}&page=${page}`);
  return (
    <section className="list-entries" aria-labelledby="entries-heading" aria-busy={state.status === 'loading'}>
      <h2 id="entries-heading" className="list-entries__title">{type.name}</h2>
      <p className="list-entries__basis">认定依据：{type.legalBasis}{type.termMonths ? `；公示期限 ${type.termMonths} 个月` : ''}{type.exitConditions ? `；移出条件：${type.exitConditions}` : ''}</p>
      <div aria-live="polite">
        {state.status === 'loading' && <p>正在加载……</p>}
        {state.status === 'error' && <p className="notice notice--error" role="alert">{state.message}</p>}
        {(state.status === 'empty' || (state.status === 'done' && state.data.items.length === 0)) && <p className="panel__empty">{NO_PUBLIC_DATA}</p>}
      </div>
      {state.status === 'done' && state.data.items.length > 0 && (
        <>
          <ul className="entry-list">{state.data.items.map((e) => <ListEntryCard key={e.id} entry={e} />)}</ul>
          {(page > 1 || state.data.hasMore) && (
            <nav className="pager" aria-label="分页">
              {page > 1 ? <a href={listHref(type.code, page - 1)} onClick={linkClick}>上一页</a> : <span aria-hidden="true" />}
              <span>第 {page} 页</span>
              {state.data.hasMore ? <a href={listHref(type.code, page + 1)} onClick={linkClick}>下一页</a> : <span aria-hidden="true" />}
            </nav>
          )}
        </>
      )}
    </section>
  );
}

/** 红黑名单 (/lists): the public list types and, per type, the entries in force (GET /public/list-entries). */
export function ListsPage({ siteName }: { siteName: string }) {
  const { search } = useLocation();
  const types = usePublic<{ items: PublicListType[] }>('/public/list-types');
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const items = types.status === 'done' ? types.data.items : [];
  const current = items.find((t) => t.code === search.get('type')) ?? items[0] ?? null;

  useEffect(() => {
    document.title = `${current ? `${current.name} - ` : ''}红黑名单 - ${siteName}`;
  }, [current, siteName]);

  return (
    <div className="container page">
      <h1 id="main-heading" className="page__title" tabIndex={-1}>红黑名单</h1>
      <p className="page__subtitle">依法公开的守信激励（红名单）和失信惩戒（黑名单）名单，仅显示生效中的记录；对记录有异议的可在线提出。</p>
      {types.status === 'loading' && <p aria-live="polite">正在加载……</p>}
      {types.status === 'error' && <p className="notice notice--error" role="alert">{types.message}</p>}
      {(types.status === 'empty' || (types.status === 'done' && items.length === 0)) && <p className="panel__empty">{NO_PUBLIC_DATA}</p>}
      {current && (
        <div className="lists-layout">
          <TypeNav types={items} current={current.code} />
          <Entries key={`${current.code}-${page}`} type={current} page={page} />
        </div>
      )}
    </div>
  );
}
