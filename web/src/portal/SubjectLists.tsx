import { useEffect, useState } from 'react';
import { request } from '../shared/api.js';
import { NO_PUBLIC_INFO } from './labels.js';
import { ListEntryCard, type PublicEntries, type PublicEntry } from './ListEntryCard.js';

type State = { status: 'loading' } | { status: 'done'; items: PublicEntry[] } | { status: 'none' };

/** 红黑名单 on the subject page: the subject's public entries in force (GET /public/list-entries?uscc=). */
export function SubjectLists({ uscc }: { uscc: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    request<PublicEntries>(`/public/list-entries?uscc=${encodeURIComponent(uscc)}&pageSize=50`, { signal: controller.signal })
      .then((answer) => setState({ status: 'done', items: answer.items }))
      .catch(() => {
        if (!controller.signal.aborted) setState({ status: 'none' });
      });
    return () => controller.abort();
  }, [uscc]);
  return (
    <section className="panel" aria-labelledby="lists-heading">
      <h2 id="lists-heading" className="panel__title">红黑名单</h2>
      {state.status === 'loading' && <p className="panel__empty">正在加载……</p>}
      {(state.status === 'none' || (state.status === 'done' && state.items.length === 0)) && <p className="panel__empty">{NO_PUBLIC_INFO}</p>}
      {state.status === 'done' && state.items.length > 0 && (
        <ul className="entry-list entry-list--panel">{state.items.map((e) => <ListEntryCard key={e.id} entry={e} showSubject={false} />)}</ul>
      )}
    </section>
  );
}
