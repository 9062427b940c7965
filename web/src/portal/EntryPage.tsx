import { useEffect } from 'react';
import { linkClick } from '../shared/router.js';
import { ListEntryCard, type PublicEntry } from './ListEntryCard.js';
import { usePublic } from './usePublic.js';

/** 名单记录 (/entries/{id}): one public entry in force, linkable, with the ways to object or repair (GET /public/list-entries/{id}). */
export function EntryPage({ id, siteName }: { id: string; siteName: string }) {
  const state = usePublic<PublicEntry>(`/public/list-entries/${encodeURIComponent(id)}`);
  const entry = state.status === 'done' ? state.data : null;
  const heading = entry ? `${entry.subject.name} · ${entry.listTypeName}` : '名单记录';

  useEffect(() => {
    document.title = `${heading} - ${siteName}`;
  }, [heading, siteName]);

  return (
    <div className="container page">
      <nav className="breadcrumb" aria-label="当前位置">
        <a href="/" onClick={linkClick}>首页</a>
        <span aria-hidden="true"> › </span>
        <a href={entry ? `/lists?type=${encodeURIComponent(entry.listType)}` : '/lists'} onClick={linkClick}>红黑名单</a>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">名单记录</span>
      </nav>
      <h1 id="main-heading" className="page__title" tabIndex={-1}>{heading}</h1>
      <div aria-live="polite">
        {state.status === 'loading' && <p>正在加载……</p>}
        {state.status === 'error' && <p className="notice notice--error" role="alert">{state.message}</p>}
        {state.status === 'empty' && <p className="notice notice--error" role="alert">未找到该名单记录：它可能已移出名单、期满或不予公开。</p>}
      </div>
      {entry && <ul className="entry-list"><ListEntryCard entry={entry} headingLevel={3} /></ul>}
    </div>
  );
}
