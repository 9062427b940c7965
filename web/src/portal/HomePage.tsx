import { useEffect, useState } from 'react';
import { errorMessage, request } from '../shared/api.js';
import { navigate, useLocation } from '../shared/router.js';
import { SEARCH_PLACEHOLDER } from './labels.js';
import { QuickLinks } from './QuickLinks.js';
import { SearchResults, type SearchState } from './SearchResults.js';
import type { SearchResponse } from './types.js';

/** The search runs on `/?q=…`, so results survive reloads and the back button. */
function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    if (!query) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    request<SearchResponse>(`/public/search?q=${encodeURIComponent(query)}`, { signal: controller.signal })
      .then((response) => setState({ status: 'done', items: response.items ?? [] }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [query]);
  return state;
}

export function HomePage({ siteName }: { siteName: string }) {
  const { search } = useLocation();
  const query = (search.get('q') ?? '').trim();
  const [value, setValue] = useState(query);
  const [hint, setHint] = useState('');
  const state = useSearch(query);

  useEffect(() => setValue(query), [query]);
  useEffect(() => {
    document.title = query ? `${query} - 查询结果 - ${siteName}` : `${siteName} - 信用信息公示与查询`;
  }, [query, siteName]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = value.trim();
    if (!q) {
      setHint('请输入查询内容');
      return;
    }
    setHint('');
    navigate(`/?q=${encodeURIComponent(q)}`);
  }

  return (
    <>
      <section className="hero" aria-labelledby="main-heading">
        <div className="container">
          <h1 id="main-heading" className="hero__title" tabIndex={-1}>信用信息查询</h1>
          <p className="hero__subtitle">查询法人和非法人组织、个体工商户及自然人的公共信用信息</p>
          <form className="search-form" role="search" onSubmit={submit} noValidate>
            <input
              type="search"
              className="search-form__input"
              name="q"
              aria-label={SEARCH_PLACEHOLDER}
              aria-describedby={hint ? 'search-hint' : undefined}
              aria-invalid={hint ? true : undefined}
              placeholder={SEARCH_PLACEHOLDER}
              value={value}
              maxLength={100}
              autoComplete="off"
              enterKeyHint="search"
              onChange={(event) => setValue(event.target.value)}
            />
            <button type="submit" className="search-form__button">查询</button>
          </form>
          {hint && <p id="search-hint" className="search-form__hint" role="alert">{hint}</p>}
        </div>
      </section>
      <div className="container">
        <SearchResults query={query} state={state} />
        <QuickLinks />
      </div>
    </>
  );
}
