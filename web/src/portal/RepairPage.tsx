import { useEffect, useState } from 'react';
import { ApiError, request } from '../shared/api.js';
import { useLocation } from '../shared/router.js';
import { ApplicantFields, TargetField, targetFromSearch, type Target, ErrorSummary, Field, Receipt, serverFieldErrors, TargetNote, useSubmission, UUID, type Errors } from './forms.js';
import { CONDITION_LABELS, EVIDENCE_LABELS } from './labels.js';

const FORM = 'repair';
const LABELS: Record<string, string> = {
  'target.entryId': '名单记录编号', 'target.recordId': '信用记录编号', reason: '申请理由', commitment: '信用修复承诺', evidence: '证明材料', 'applicant.name': '申请人姓名', 'applicant.contact': '联系方式',
};
const COMMITMENT_HINT = '如：本单位承诺已纠正失信行为、履行相关义务，今后依法诚信经营，如有违反自愿接受惩戒。不少于 10 个字。';

interface Filed { receiptCode: string; decideDueOn: string }
interface Evidence { kind: string; name: string }

function validate(v: { entryId: string; reason: string; commitment: string; name: string; contact: string }, evidence: Evidence[], target: Target): Errors {
  const e: Errors = {};
  if (!UUID.test(v.entryId.trim())) e[target.field] = `请填写正确的${target.label}`;
  if (v.reason.trim().length < 5) e.reason = '请说明申请理由（不少于 5 个字）';
  if (v.commitment.trim().length < 10) e.commitment = '请作出信用修复承诺（不少于 10 个字）';
  if (evidence.some((x) => !x.name.trim())) e.evidence = '请填写每份材料的名称，或删除空行';
  if (!v.name.trim()) e['applicant.name'] = '请填写申请人姓名或单位名称';
  if (v.contact.trim().length < 5) e['applicant.contact'] = '请填写手机号码或其他联系方式（不少于 5 个字符）';
  return e;
}

/** The conditions the platform found unmet (422 REPAIR_CONDITIONS_NOT_MET), in Chinese. */
function unmetConditions(error: unknown): { code: string; message: string }[] {
  if (!(error instanceof ApiError) || error.status !== 422 || error.code !== 'REPAIR_CONDITIONS_NOT_MET') return [];
  return (error.problem?.errors ?? []).map((e) => ({ code: e.path, message: e.message }));
}

/** 信用修复申请 (POST /repairs): free, no account; refused at once with the unmet conditions. */
export function RepairPage({ siteName }: { siteName: string }) {
  const { search } = useLocation();
  const target = targetFromSearch(search);
  const [v, setV] = useState({ entryId: target.id, reason: '', commitment: '', name: '', contact: '' });
  const [evidence, setEvidence] = useState<Evidence[]>([{ kind: 'fulfilment', name: '' }]);
  const [errors, setErrors] = useState<Errors>({});
  const submission = useSubmission<Filed>();
  const set = (key: keyof typeof v) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV({ ...v, [key]: event.target.value });
  const setRow = (i: number, patch: Partial<Evidence>) => setEvidence(evidence.map((x, j) => (i === j ? { ...x, ...patch } : x)));

  useEffect(() => {
    document.title = `信用修复申请 - ${siteName}`;
  }, [siteName]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = validate(v, evidence, target);
    setErrors(found);
    if (Object.keys(found).length) return;
    await submission.run(() => request<Filed>('/repairs', {
      method: 'POST',
      body: {
        target: { [`${target.kind}Id`]: v.entryId.trim() }, reason: v.reason.trim(), commitment: v.commitment.trim(),
        applicant: { name: v.name.trim(), contact: v.contact.trim() },
        evidence: evidence.map((x) => ({ kind: x.kind, name: x.name.trim() })),
      },
    }).catch((error: unknown) => {
      const mapped = serverFieldErrors(error, Object.keys(LABELS));
      if (error instanceof ApiError && error.status === 404) mapped.fields[target.field] = error.message;
      setErrors(mapped.fields);
      throw error;
    }));
  }

  const state = submission.state;
  const unmet = state.status === 'failed' ? unmetConditions(state.error) : [];
  return (
    <div className="container page form-page">
      <h1 id="main-heading" className="page__title" tabIndex={-1}>信用修复申请</h1>
      <p className="page__subtitle">已纠正失信行为、履行相关义务的，可免费申请信用修复，无需注册账号。平台当场核验修复条件；符合条件的，认定部门在 10 个工作日内审核，同意后移出名单并出具信用修复证明。</p>
      {state.status === 'done' ? (
        <Receipt title="修复申请已提交" code={state.result.receiptCode}>
          <p>认定部门将于 {state.result.decideDueOn} 前作出决定。</p>
        </Receipt>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-label="信用修复申请">
          {unmet.length > 0 ? (
            <ErrorSummary form={FORM} title="暂不符合信用修复条件" errors={{}} labels={LABELS} message="申请未被受理，也未保存。请按下列说明准备后再次申请：">
              <ul className="conditions" data-testid="repair-conditions">
                {unmet.map((c) => <li key={c.code}><strong>{CONDITION_LABELS[c.code] ?? c.code}</strong>：{c.message}</li>)}
              </ul>
            </ErrorSummary>
          ) : (
            <ErrorSummary form={FORM} errors={errors} labels={LABELS}
              message={state.status === 'failed' && !Object.keys(errors).length ? state.message : null} />
          )}
          <TargetNote subject={search.get('subject')} list={search.get('list')} />
          <TargetField form={FORM} target={target} value={v.entryId} onChange={set('entryId')} errors={errors} />
          <Field form={FORM} name="reason" label="申请理由" required hint="说明已纠正的失信行为和履行义务的情况" errors={errors}>
            {(p) => <textarea {...p} className="input" rows={4} value={v.reason} onChange={set('reason')} maxLength={5000} />}
          </Field>
          <Field form={FORM} name="commitment" label="信用修复承诺" required hint={COMMITMENT_HINT} errors={errors}>
            {(p) => <textarea {...p} className="input" rows={3} value={v.commitment} onChange={set('commitment')} maxLength={5000} />}
          </Field>
          <fieldset className={`fieldset${errors.evidence ? ' field--error' : ''}`} aria-describedby={`${FORM}-evidence-hint`}>
            <legend className="field__label">证明材料</legend>
            <p id={`${FORM}-evidence-hint`} className="field__hint">须有履行义务证明；部分名单还须信用修复培训证明或信用报告。此处登记材料名称，原件请在审核时按要求提供。</p>
            {errors.evidence && <p id={`${FORM}-evidence`} className="field__error" tabIndex={-1}>{errors.evidence}</p>}
            {evidence.map((x, i) => (
              <div className="evidence-row" key={i}>
                <select className="input" aria-label={`第 ${i + 1} 份材料的类型`} value={x.kind} onChange={(e) => setRow(i, { kind: e.target.value })}>
                  {Object.entries(EVIDENCE_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                </select>
                <input className="input" aria-label={`第 ${i + 1} 份材料的名称`} placeholder="如 完税证明.pdf" value={x.name} maxLength={200}
                  onChange={(e) => setRow(i, { name: e.target.value })} />
                <button type="button" className="button" onClick={() => setEvidence(evidence.filter((_, j) => j !== i))}>删除</button>
              </div>
            ))}
            {evidence.length < 20 && (
              <button type="button" className="button" onClick={() => setEvidence([...evidence, { kind: 'training', name: '' }])}>添加材料</button>
            )}
          </fieldset>
          <ApplicantFields form={FORM} name={v.name} contact={v.contact} onName={set('name')} onContact={set('contact')} errors={errors} purpose="本申请" />
          <button type="submit" className="button button--primary" disabled={state.status === 'submitting'}>
            {state.status === 'submitting' ? '正在提交……' : '提交修复申请'}
          </button>
        </form>
      )}
    </div>
  );
}
