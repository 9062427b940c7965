// Small building blocks of the portal's online forms (异议、修复、举报、进度查询): labelled fields with
// hints and errors tied by aria-describedby, an error summary that takes focus, server field errors
// (problem+json `errors[].path`) mapped onto fields, and the receipt shown on success.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../shared/api.js';
import { linkClick } from '../shared/router.js';

export type Errors = Record<string, string>;

export const fieldId = (form: string, name: string) => `${form}-${name.replace(/[.[\]]+/g, '-')}`;

interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

interface FieldProps {
  form: string;
  name: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  errors: Errors;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control; its hint and error are announced with it. */
export function Field({ form, name, label, required, hint, errors, children }: FieldProps) {
  const id = fieldId(form, name);
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="field__required" aria-hidden="true"> *</span> : <span className="field__optional">（选填）</span>}
      </label>
      {hint && <p id={`${id}-hint`} className="field__hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field__error">{error}</p>}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-required': required ? true : undefined })}
    </div>
  );
}

/** The problem's field errors keyed like the form's fields: `body.applicant.contact` → `applicant.contact`. */
export function serverFieldErrors(error: unknown, known: string[]): { fields: Errors; other: string[] } {
  const fields: Errors = {};
  const other: string[] = [];
  const list = error instanceof ApiError ? error.problem?.errors ?? [] : [];
  for (const item of list) {
    const key = item.path.replace(/^\/?body[./]?/, '').replace(/\//g, '.');
    if (known.includes(key)) fields[key] = fields[key] ? `${fields[key]}；${item.message}` : item.message;
    else other.push(item.message);
  }
  return { fields, other };
}

interface SummaryProps {
  form: string;
  title?: string;
  errors: Errors;
  labels: Record<string, string>;
  message?: string | null;
  children?: ReactNode;
}

/** 提交未成功: what is wrong, each field error a link to its field; takes focus when it appears. */
export function ErrorSummary({ form, title = '提交未成功', errors, labels, message, children }: SummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const visible = entries.length > 0 || !!message || !!children;
  const signature = `${entries.map(([name]) => name).join()}|${message ?? ''}`;
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, signature]);
  if (!visible) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={`${form}-summary-title`}>
      <h2 id={`${form}-summary-title`} className="error-summary__title">{title}</h2>
      {message && <p>{message}</p>}
      {children}
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, text]) => (
            <li key={name}><a href={`#${fieldId(form, name)}`}>{labels[name] ?? name}：{text}</a></li>
          ))}
        </ul>
      )}
    </div>
  );
}

export type Submission<T> =
  | { status: 'idle' }
  | { status: 'submitting' }
  | { status: 'done'; result: T }
  | { status: 'failed'; error: unknown; message: string };

/** Runs a submit once at a time and keeps its outcome. */
export function useSubmission<T>() {
  const [state, setState] = useState<Submission<T>>({ status: 'idle' });
  async function run(send: () => Promise<T>): Promise<void> {
    setState({ status: 'submitting' });
    try {
      setState({ status: 'done', result: await send() });
    } catch (error) {
      setState({ status: 'failed', error, message: errorMessage(error) });
    }
  }
  return { state, run, reset: () => setState({ status: 'idle' }) };
}

/** The receipt code after a successful submission, with where to follow it. */
export function Receipt({ title, code, children }: { title: string; code: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" ref={ref} tabIndex={-1} className="receipt__title">{title}</h2>
      <p>您的回执码：</p>
      <p className="receipt__code code" data-testid="receipt-code">{code}</p>
      <p>请妥善保存回执码，凭回执码可随时查询办理进度；回执码不含您的个人信息。</p>
      {children}
      <p><a href={`/follow?code=${encodeURIComponent(code)}`} onClick={linkClick}>查询办理进度</a></p>
    </section>
  );
}

/** The entry an objection or repair is about, when the link from the subject page named it. */
export function TargetNote({ subject, list }: { subject: string | null; list: string | null }) {
  if (!subject && !list) return null;
  return <p className="form-target">针对：{[subject, list].filter(Boolean).join(' · ')}</p>;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export interface Target { kind: 'entry' | 'record'; id: string; field: string; label: string; hint: string }

/** What an objection or repair is about, from the link that opened the form: `?entry=` or `?record=`. */
export function targetFromSearch(search: URLSearchParams): Target {
  const record = search.get('record');
  return record !== null
    ? { kind: 'record', id: record, field: 'target.recordId', label: '信用记录编号', hint: '可在主体信用信息页或“双公示”栏目的记录下方找到' }
    : { kind: 'entry', id: search.get('entry') ?? '', field: 'target.entryId', label: '名单记录编号', hint: ENTRY_ID_HINT };
}

type OnChange = (event: React.ChangeEvent<HTMLInputElement>) => void;

/** The number of the entry or record the form is about (pre-filled from the link). */
export function TargetField({ form, target, value, onChange, errors }: { form: string; target: Target; value: string; onChange: OnChange; errors: Errors }) {
  return (
    <Field form={form} name={target.field} label={target.label} required hint={target.hint} errors={errors}>
      {(p) => <input {...p} className="input code" value={value} onChange={onChange} maxLength={40} autoComplete="off" spellCheck={false} />}
    </Field>
  );
}

/** Who applies and how to reach them (kept encrypted); `purpose` says what the contact is used for. */
export function ApplicantFields({ form, name, contact, onName, onContact, errors, purpose }: {
  form: string; name: string; contact: string; onName: OnChange; onContact: OnChange; errors: Errors; purpose: string;
}) {
  return (
    <>
      <Field form={form} name="applicant.name" label="申请人姓名" required hint="个人填写姓名；单位填写单位名称" errors={errors}>
        {(p) => <input {...p} className="input" value={name} onChange={onName} maxLength={100} autoComplete="name" />}
      </Field>
      <Field form={form} name="applicant.contact" label="联系方式" required hint={`手机号码或电子邮箱，仅用于办理${purpose}，加密保存`} errors={errors}>
        {(p) => <input {...p} className="input" value={contact} onChange={onContact} maxLength={200} autoComplete="tel" />}
      </Field>
    </>
  );
}

export const ENTRY_ID_HINT = '可在主体信用信息页或“红黑名单”栏目的记录下方找到，形如 7b77b657-9fcb-4b88-a178-03d63b1afb68';
