import { useEffect, useState } from 'react';
import { ApiError, errorMessage, request } from '../shared/api.js';
import { navigate, useLocation } from '../shared/router.js';
import { OBJECTION_OUTCOME_LABELS } from './labels.js';

type Kind = 'objections' | 'repairs' | 'reports';

interface Progress {
  receiptCode: string;
  status: string;
  statusText: string;
  submittedOn: string;
  /** objections: the current stage's deadline */
  dueOn?: string | null;
  overdue?: boolean;
  outcome?: string | null;
  note?: string | null;
  /** repairs */
  decideDueOn?: string;
  certificateNo?: string | null;
  /** reports */
  handleDueOn?: string;
  result?: string | null;
}

const KINDS: Record<string, { kind: Kind; label: string; due: string; note: string }> = {
  O: { kind: 'objections', label: '异议申请', due: '当前环节办理期限', note: '办理意见' },
  R: { kind: 'repairs', label: '信用修复申请', due: '审核期限', note: '审核意见' },
  J: { kind: 'reports', label: '失信举报', due: '办理期限', note: '办理结果' },
};

type State = { status: 'idle' } | { status: 'loading' } | { status: 'done'; kind: string; progress: Progress } | { status: 'error'; message: string };

function useProgress(code: string): State {
  const [state, setState] = useState<State>({ status: 'idle' });
  useEffect(() => {
    if (!code) return setState({ status: 'idle' });
    const type = KINDS[code[0]];
    if (!type) return setState({ status: 'error', message: '回执码应以 O（异议）、R（信用修复）或 J（举报）开头，请核对后重新输入' });
    const controller = new AbortController();
    setState({ status: 'loading' });
    request<Progress>(`/public/${type.kind}/${encodeURIComponent(code)}`, { signal: controller.signal })
      .then((progress) => setState({ status: 'done', kind: code[0], progress }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: error instanceof ApiError && error.status === 404 ? '未找到该回执码对应的事项，请核对后重新输入' : errorMessage(error) });
      });
    return () => controller.abort();
  }, [code]);
  return state;
}

function Result({ kind, p }: { kind: string; p: Progress }) {
  const type = KINDS[kind];
  const due = p.dueOn ?? p.decideDueOn ?? p.handleDueOn ?? null;
  const finished = ['decided', 'returned', 'approved', 'rejected', 'closed'].includes(p.status);
  const note = p.result ?? p.note;
  return (
    <section className="panel" aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="panel__title">办理进度</h2>
      <dl className="facts facts--single">
        <div className="facts__row"><dt>事项类型</dt><dd>{type.label}</dd></div>
        <div className="facts__row"><dt>回执码</dt><dd className="code">{p.receiptCode}</dd></div>
        <div className="facts__row"><dt>办理状态</dt><dd><strong className="status" data-testid="follow-status">{p.statusText}</strong></dd></div>
        <div className="facts__row"><dt>提交日期</dt><dd>{p.submittedOn}</dd></div>
        {due && !finished && (
          <div className="facts__row"><dt>{type.due}</dt><dd>{due}{p.overdue && <span className="badge badge--danger">逾期</span>}</dd></div>
        )}
        {p.outcome && <div className="facts__row"><dt>处理结果</dt><dd>{OBJECTION_OUTCOME_LABELS[p.outcome] ?? p.outcome}</dd></div>}
        {note && <div className="facts__row"><dt>{type.note}</dt><dd>{note}</dd></div>}
        {p.certificateNo && (
          <div className="facts__row">
            <dt>信用修复证明</dt>
            <dd>
              <a href={`/api/v1/public/repairs/${encodeURIComponent(p.receiptCode)}/certificate?format=pdf`} download>下载证明 PDF（{p.certificateNo}）</a>
              {' · '}
              <a href={`/api/v1/public/repairs/${encodeURIComponent(p.receiptCode)}/certificate`} target="_blank" rel="noreferrer">网页打印版</a>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** 办理进度查询 (/follow?code=…): GET /public/objections|repairs|reports/{code}, chosen by the code's first letter. */
export function FollowPage({ siteName }: { siteName: string }) {
  const { search } = useLocation();
  const code = (search.get('code') ?? '').trim().toUpperCase();
  const [value, setValue] = useState(code);
  const [hint, setHint] = useState('');
  const state = useProgress(code);

  useEffect(() => setValue(code), [code]);
  useEffect(() => {
    document.title = `办理进度查询 - ${siteName}`;
  }, [siteName]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const next = value.trim().toUpperCase();
    if (!next) return setHint('请输入回执码');
    setHint('');
    navigate(`/follow?code=${encodeURIComponent(next)}`);
  }

  return (
    <div className="container page form-page">
      <h1 id="main-heading" className="page__title" tabIndex={-1}>办理进度查询</h1>
      <p className="page__subtitle">输入提交异议、信用修复申请或举报时获得的回执码，查询办理进度。</p>
      <form className="inline-form" role="search" aria-label="按回执码查询" onSubmit={submit} noValidate>
        <label htmlFor="follow-code" className="field__label">回执码</label>
        <div className="inline-form__row">
          <input id="follow-code" className="input code" value={value} onChange={(e) => setValue(e.target.value)} maxLength={40}
            autoComplete="off" spellCheck={false} placeholder="如 O20261127AYP6UM96" aria-describedby={hint ? 'follow-hint' : undefined} aria-invalid={hint ? true : undefined} />
          <button type="submit" className="button button--primary">查询</button>
        </div>
        {hint && <p id="follow-hint" className="field__error" role="alert">{hint}</p>}
      </form>
      <div aria-live="polite">
        {state.status === 'loading' && <p>正在查询……</p>}
        {state.status === 'error' && <p className="notice notice--error" role="alert">{state.message}</p>}
        {state.status === 'done' && <Result kind={state.kind} p={state.progress} />}
      </div>
    </div>
  );
}
