import { useEffect, useState } from 'react';
import { linkClick, navigate, useLocation } from '../shared/router.js';
import { NO_PUBLIC_DATA } from './labels.js';
import { PUBLICITY_TYPES, RecordCard, type PublicRecord } from './RecordCard.js';
import { usePublic } from './usePublic.js';

interface RecordPage { infoTypeName: string; page: number; pageSize: number; hasMore: boolean; items: PublicRecord[] }
interface Filter { department: string; from: string; to: string }

function pageHref(type: string, f: Filter, page = 1): string {
  const params = new URLSearchParams({ type });
  for (const key of ['department', 'from', 'to'] as const) if (f[key]) params.set(key, f[key]);
  if (page > 1) params.set('page', String(page));
  return `/publicity?${params}`;
}

function FilterForm({ type, filter }: { type: string; filter: Filter }) {
  const [v, setV] = useState(filter);
  const departments = usePublic<{ items: { code: string; name: string }[] }>('/public/record-departments');
  // the URL is the truth: back/forward and 清除条件 reset the fields
  useEffect(() => setV(filter), [filter.department, filter.from, filter.to]);
  const set = (key: keyof Filter) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV({ ...v, [key]: e.target.value });
  return (
    <form className="filter-form" role="search" aria-label="筛选公示信息" onSubmit={(e) => { e.preventDefault(); navigate(pageHref(type, v)); }}>
      <label className="filter-form__field">
        <span className="field__label">决定部门</span>
        <select className="input" value={v.department} onChange={set('department')}>
          <option value="">全部部门</option>
          {departments.status === 'done' && departments.data.items.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
        </select>
      </label>
      <label className="filter-form__field">
        <span className="field__label">决定日期自</span>
        <input className="input" type="date" value={v.from} onChange={set('from')} />
      </label>
      <label className="filter-form__field">
        <span className="field__label">决定日期至</span>
        <input className="input" type="date" value={v.to} onChange={set('to')} />
      </label>
      <div className="filter-form__actions">
        <button type="submit" className="button button--primary">查询</button>
        <a href={pageHref(type, { department: '', from: '', to: '' })} onClick={linkClick}>清除条件</a>
      </div>
    </form>
  );
}

/** 双公示 (/publicity): published licences and penalties, by department and decision date, paged (GET /public/records?type=). */
export function PublicityPage({ siteName }: { siteName: string }) {
  const { search } = useLocation();
  const type = PUBLICITY_TYPES.find((t) => t.code === search.get('type')) ?? PUBLICITY_TYPES[1];
  const filter: Filter = { department: search.get('department') ?? '', from: search.get('from') ?? '', to: search.get('to') ?? '' };
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const query = new URLSearchParams({ type: type.code, page: String(page), pageSize: '10' });
  for (const key of ['department', 'from', 'to'] as const) if (filter[key]) query.set(key, filter[key]);
  const state = usePublic<RecordPage>(`/public/records?${query}`);

  useEffect(() => {
    document.title = `${type.name} - 双公示 - ${siteName}`;
  }, [type.name, siteName]);

  return (
    <div className="container page">
      <h1 id="main-heading" className="page__title" tabIndex={-1}>双公示</h1>
      <p className="page__subtitle">行政许可和行政处罚信息自作出决定之日起 7 个工作日内公示；处罚信息在公示期满后不再显示。个人信息不予公示。</p>
      <nav className="tabs" aria-label="公示类别">
        {PUBLICITY_TYPES.map((t) => (
          <a key={t.code} href={pageHref(t.code, filter)} onClick={linkClick} aria-current={t.code === type.code ? 'page' : undefined}>{t.name}</a>
        ))}
      </nav>
      <FilterForm type={type.code} filter={filter} />
      <section aria-labelledby="records-heading" aria-busy={state.status === 'loading'}>
        <h2 id="records-heading" className="list-entries__title">{type.name}信息</h2>
        <div aria-live="polite">
          {state.status === 'loading' && <p>正在加载……</p>}
          {state.status === 'error' && <p className="notice notice--error" role="alert">{state.message}</p>}
          {(state.status === 'empty' || (state.status === 'done' && state.data.items.length === 0)) && <p className="panel__empty">{NO_PUBLIC_DATA}</p>}
        </div>
        {state.status === 'done' && state.data.items.length > 0 && (
          <>
            <ul className="entry-list">{state.data.items.map((r) => <RecordCard key={r.id} record={r} typeCode={type.code} />)}</ul>
            {(page > 1 || state.data.hasMore) && (
              <nav className="pager" aria-label="分页">
                {page > 1 ? <a href={pageHref(type.code, filter, page - 1)} onClick={linkClick}>上一页</a> : <span aria-hidden="true" />}
                <span>第 {page} 页</span>
                {state.data.hasMore ? <a href={pageHref(type.code, filter, page + 1)} onClick={linkClick}>下一页</a> : <span aria-hidden="true" />}
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  );
}
