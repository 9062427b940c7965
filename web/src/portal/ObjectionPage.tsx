import { useEffect, useState } from 'react';
import { ApiError, request } from '../shared/api.js';
import { useLocation } from '../shared/router.js';
import { ApplicantFields, TargetField, targetFromSearch, type Target, ErrorSummary, Field, Receipt, serverFieldErrors, TargetNote, useSubmission, UUID, type Errors } from './forms.js';

const FORM = 'objection';
const LABELS: Record<string, string> = {
  'target.entryId': '名单记录编号', 'target.recordId': '信用记录编号', reason: '异议理由', 'applicant.name': '申请人姓名', 'applicant.contact': '联系方式', attachments: '证明材料',
};

interface Filed { receiptCode: string; acceptDueOn: string }

function validate(v: Record<string, string>, target: Target): Errors {
  const e: Errors = {};
  if (!UUID.test(v.entryId.trim())) e[target.field] = `请填写正确的${target.label}`;
  if (v.reason.trim().length < 5) e.reason = '请说明异议理由（不少于 5 个字）';
  if (!v.name.trim()) e['applicant.name'] = '请填写申请人姓名或单位名称';
  if (v.contact.trim().length < 5) e['applicant.contact'] = '请填写手机号码或其他联系方式（不少于 5 个字符）';
  return e;
}

/** 异议申请 (POST /objections): anyone, no account; the entry id comes from the subject page or is pasted. */
export function ObjectionPage({ siteName }: { siteName: string }) {
  const { search } = useLocation();
  const target = targetFromSearch(search);
  const [v, setV] = useState({ entryId: target.id, reason: '', name: '', contact: '', attachments: '' });
  const [errors, setErrors] = useState<Errors>({});
  const submission = useSubmission<Filed>();
  const set = (key: keyof typeof v) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV({ ...v, [key]: event.target.value });

  useEffect(() => {
    document.title = `异议申请 - ${siteName}`;
  }, [siteName]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = validate(v, target);
    setErrors(found);
    if (Object.keys(found).length) return;
    const attachments = v.attachments.split('\n').map((s) => s.trim()).filter(Boolean).map((name) => ({ name }));
    await submission.run(() => request<Filed>('/objections', {
      method: 'POST',
      body: {
        target: { [`${target.kind}Id`]: v.entryId.trim() }, reason: v.reason.trim(), applicant: { name: v.name.trim(), contact: v.contact.trim() },
        ...(attachments.length ? { attachments } : {}),
      },
    }).catch((error: unknown) => {
      const mapped = serverFieldErrors(error, Object.keys(LABELS));
      // an unknown entry is the entry id's problem
      if (error instanceof ApiError && error.status === 404) mapped.fields[target.field] = error.message;
      setErrors(mapped.fields);
      throw error;
    }));
  }

  const state = submission.state;
  return (
    <div className="container page form-page">
      <h1 id="main-heading" className="page__title" tabIndex={-1}>异议申请</h1>
      <p className="page__subtitle">认为公示的红黑名单或行政许可、行政处罚等信息有误的，可免费提出异议，无需注册账号。信用办在 1 个工作日内受理；受理后，核实期间暂停执行相关联合惩戒措施。</p>
      {state.status === 'done' ? (
        <Receipt title="异议已提交" code={state.result.receiptCode}>
          <p>信用办将于 {state.result.acceptDueOn} 前决定是否受理。</p>
        </Receipt>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-label="异议申请">
          <ErrorSummary form={FORM} errors={errors} labels={LABELS}
            message={state.status === 'failed' && !Object.keys(errors).length ? state.message : null} />
          <TargetNote subject={search.get('subject')} list={search.get('list')} />
          <TargetField form={FORM} target={target} value={v.entryId} onChange={set('entryId')} errors={errors} />
          <Field form={FORM} name="reason" label="异议理由" required hint="请写明认为哪些信息有误、正确的情况是什么" errors={errors}>
            {(p) => <textarea {...p} className="input" rows={5} value={v.reason} onChange={set('reason')} maxLength={5000} />}
          </Field>
          <Field form={FORM} name="attachments" label="证明材料" hint="每行填写一份材料的名称；材料原件请在受理后按要求提供" errors={errors}>
            {(p) => <textarea {...p} className="input" rows={3} value={v.attachments} onChange={set('attachments')} />}
          </Field>
          <ApplicantFields form={FORM} name={v.name} contact={v.contact} onName={set('name')} onContact={set('contact')} errors={errors} purpose="本异议" />
          <button type="submit" className="button button--primary" disabled={state.status === 'submitting'}>
            {state.status === 'submitting' ? '正在提交……' : '提交异议'}
          </button>
        </form>
      )}
    </div>
  );
}
