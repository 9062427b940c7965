import { useEffect, useState } from 'react';
import { errorMessage, request } from '../shared/api.js';
import { linkClick } from '../shared/router.js';
import { kindLabel } from './labels.js';
import { SubjectLists } from './SubjectLists.js';
import { SubjectCommitments } from './SubjectCommitments.js';
import { SubjectRecords } from './SubjectRecords.js';
import type { PublicSubject, SubjectResponse } from './types.js';

type SubjectState =
  | { status: 'loading' }
  | { status: 'done'; subject: PublicSubject }
  | { status: 'error'; message: string };

function useSubject(uscc: string): SubjectState {
  const [state, setState] = useState<SubjectState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    request<SubjectResponse>(`/public/subjects/${encodeURIComponent(uscc)}`, { signal: controller.signal })
      .then((response) => setState({ status: 'done', subject: response.subject }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [uscc]);
  return state;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function BasicInfo({ subject }: { subject: PublicSubject }) {
  const region = subject.regionName
    ? `${subject.regionName}${subject.regionCode ? `（${subject.regionCode}）` : ''}`
    : subject.regionCode ?? '—';
  return (
    <section className="panel" aria-labelledby="basic-heading">
      <h2 id="basic-heading" className="panel__title">基本信息</h2>
      <dl className="facts">
        <Fact label="主体名称">{subject.name}</Fact>
        <Fact label="主体类型">{kindLabel(subject.kind)}</Fact>
        <Fact label="统一社会信用代码"><span className="code">{subject.uscc ?? '—'}</span></Fact>
        <Fact label="组织机构代码"><span className="code">{subject.orgCode ?? '—'}</span></Fact>
        <Fact label="所属地区">{region}</Fact>
        <Fact label="曾用名">{subject.formerNames?.length ? subject.formerNames.join('；') : '无'}</Fact>
      </dl>
    </section>
  );
}

export function SubjectPage({ uscc, siteName }: { uscc: string; siteName: string }) {
  const state = useSubject(uscc);
  const heading = state.status === 'done' ? state.subject.name : '主体信用信息';

  useEffect(() => {
    document.title = `${heading} - ${siteName}`;
  }, [heading, siteName]);

  return (
    <div className="container page">
      <nav className="breadcrumb" aria-label="当前位置">
        <a href="/" onClick={linkClick}>首页</a>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">主体信用信息</span>
      </nav>
      <h1 id="main-heading" className="page__title" tabIndex={-1}>{heading}</h1>
      {state.status === 'loading' && <p aria-live="polite">正在加载……</p>}
      {state.status === 'error' && (
        <>
          <p className="notice notice--error" role="alert">{state.message}</p>
          <p><a href="/" onClick={linkClick}>返回首页重新查询</a></p>
        </>
      )}
      {state.status === 'done' && (
        <>
          <p className="page__subtitle">
            统一社会信用代码：<span className="code">{state.subject.uscc ?? uscc}</span>
            {' '}
            <a className="button" href={`/api/v1/public/subjects/${encodeURIComponent(state.subject.uscc ?? uscc)}/credit-report?format=pdf`} download>
              下载信用报告（PDF）
            </a>
            {' '}
            <a href={`/api/v1/public/subjects/${encodeURIComponent(state.subject.uscc ?? uscc)}/credit-report`} target="_blank" rel="noopener">
              网页打印版
            </a>
          </p>
          <BasicInfo subject={state.subject} />
          <SubjectRecords uscc={state.subject.uscc ?? uscc} />
          <SubjectLists uscc={state.subject.uscc ?? uscc} />
          <SubjectCommitments uscc={state.subject.uscc ?? uscc} />
        </>
      )}
    </div>
  );
}
