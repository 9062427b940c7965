import { useEffect, useState } from 'react';
import { request } from '../shared/api.js';
import { ErrorSummary, Field, Receipt, serverFieldErrors, useSubmission, type Errors } from './forms.js';

const FORM = 'report';
const LABELS: Record<string, string> = {
  'subject.name': '被举报主体名称', 'subject.uscc': '统一社会信用代码', content: '举报内容', reporter: '举报人信息', 'reporter.name': '举报人姓名', 'reporter.contact': '联系方式',
};

interface Filed { receiptCode: string; handleDueOn: string }

function validate(v: { name: string; uscc: string; content: string; reporterName: string; contact: string }, anonymous: boolean): Errors {
  const e: Errors = {};
  if (v.name.trim().length < 2) e['subject.name'] = '请填写被举报的单位或个人名称（不少于 2 个字）';
  if (v.uscc.trim() && !/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/i.test(v.uscc.trim())) e['subject.uscc'] = '统一社会信用代码应为 18 位数字或大写字母';
  if (v.content.trim().length < 10) e.content = '请描述失信行为（不少于 10 个字）';
  if (!anonymous && !v.reporterName.trim()) e['reporter.name'] = '实名举报请填写姓名，或选择匿名举报';
  if (!anonymous && v.contact.trim().length < 5) e['reporter.contact'] = '实名举报请填写联系方式（不少于 5 个字符）';
  return e;
}

/** 失信举报 (POST /reports): anonymous or named; the reporter's identity is kept secret. */
export function ReportPage({ siteName }: { siteName: string }) {
  const [v, setV] = useState({ name: '', uscc: '', content: '', reporterName: '', contact: '' });
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const submission = useSubmission<Filed>();
  const set = (key: keyof typeof v) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV({ ...v, [key]: event.target.value });

  useEffect(() => {
    document.title = `失信举报 - ${siteName}`;
  }, [siteName]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = validate(v, anonymous);
    setErrors(found);
    if (Object.keys(found).length) return;
    await submission.run(() => request<Filed>('/reports', {
      method: 'POST',
      body: {
        subject: { name: v.name.trim(), ...(v.uscc.trim() ? { uscc: v.uscc.trim().toUpperCase() } : {}) },
        content: v.content.trim(), anonymous,
        ...(anonymous ? {} : { reporter: { name: v.reporterName.trim(), contact: v.contact.trim() } }),
      },
    }).catch((error: unknown) => {
      setErrors(serverFieldErrors(error, Object.keys(LABELS)).fields);
      throw error;
    }));
  }

  const state = submission.state;
  return (
    <div className="container page form-page">
      <h1 id="main-heading" className="page__title" tabIndex={-1}>失信举报</h1>
      <p className="page__subtitle">发现失信行为可在线举报，可以匿名。实名举报人的身份和联系方式加密保存，只有承办人可见，对被举报人和其他人严格保密。</p>
      {state.status === 'done' ? (
        <Receipt title="举报已提交" code={state.result.receiptCode}>
          <p>我们将于 {state.result.handleDueOn} 前办理{anonymous ? '；匿名举报请凭回执码查询结果' : ''}。</p>
        </Receipt>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-label="失信举报">
          <ErrorSummary form={FORM} errors={errors} labels={LABELS}
            message={state.status === 'failed' && !Object.keys(errors).length ? state.message : null} />
          <Field form={FORM} name="subject.name" label="被举报主体名称" required hint="单位全称或个人姓名" errors={errors}>
            {(p) => <input {...p} className="input" value={v.name} onChange={set('name')} maxLength={200} />}
          </Field>
          <Field form={FORM} name="subject.uscc" label="统一社会信用代码" hint="知道的请填写，便于准确核查" errors={errors}>
            {(p) => <input {...p} className="input code" value={v.uscc} onChange={set('uscc')} maxLength={18} autoComplete="off" spellCheck={false} />}
          </Field>
          <Field form={FORM} name="content" label="举报内容" required hint="时间、地点、经过及可以佐证的线索" errors={errors}>
            {(p) => <textarea {...p} className="input" rows={6} value={v.content} onChange={set('content')} maxLength={10000} />}
          </Field>
          <div className="field">
            <label className="switch">
              <input type="checkbox" role="switch" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} aria-describedby={`${FORM}-anonymous-hint`} />
              <span>匿名举报</span>
            </label>
            <p id={`${FORM}-anonymous-hint`} className="field__hint">匿名举报不留姓名和联系方式，办理结果只能凭回执码查询。</p>
          </div>
          {!anonymous && (
            <>
              <Field form={FORM} name="reporter.name" label="举报人姓名" required errors={errors}>
                {(p) => <input {...p} className="input" value={v.reporterName} onChange={set('reporterName')} maxLength={100} autoComplete="name" />}
              </Field>
              <Field form={FORM} name="reporter.contact" label="联系方式" required hint="手机号码或电子邮箱，加密保存，仅承办人可见" errors={errors}>
                {(p) => <input {...p} className="input" value={v.contact} onChange={set('contact')} maxLength={200} autoComplete="tel" />}
              </Field>
            </>
          )}
          <button type="submit" className="button button--primary" disabled={state.status === 'submitting'}>
            {state.status === 'submitting' ? '正在提交……' : '提交举报'}
          </button>
        </form>
      )}
    </div>
  );
}
