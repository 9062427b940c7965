// Maps problem+json field errors (`errors: [{path: 'body.code', message}]`) onto antd form fields.
import type { FormInstance } from 'antd';
import { ApiError } from '../shared/api.js';

type FieldName = string | (string | number)[];

/**
 * `body.code` → code; `body.subject.uscc` → uscc (the subject register answer nests under `subject`);
 * `body.person.idNumber` → ['person', 'idNumber']. Paths the form does not have are left out.
 */
export function fieldOf(path: string, known: FieldName[]): FieldName | null {
  const parts = path.replace(/^\//, '').split(/[./]/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  const candidates = [parts, parts[0] === 'subject' ? parts.slice(1) : null].filter(Boolean) as string[][];
  for (const candidate of candidates) {
    const match = known.find((name) => (Array.isArray(name) ? name.join('.') : name) === candidate.join('.'));
    if (match !== undefined) return match;
  }
  return null;
}

/**
 * Puts each server field error next to its field. Returns the errors that fit no field
 * (to be shown in the form's alert), or [] when every error found its field.
 */
export function applyServerErrors(form: FormInstance, error: unknown, known: FieldName[]): string[] {
  const fieldErrors = error instanceof ApiError ? error.problem?.errors ?? [] : [];
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  const unplaced: string[] = [];
  for (const item of fieldErrors) {
    const name = fieldOf(item.path, known);
    if (name === null) {
      unplaced.push(item.message);
      continue;
    }
    const key = Array.isArray(name) ? name.join('.') : name;
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(item.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return unplaced;
}

/** Whether the error was a field validation answer whose every message found a field. */
export function allPlaced(error: unknown, unplaced: string[]): boolean {
  return error instanceof ApiError && (error.problem?.errors?.length ?? 0) > 0 && unplaced.length === 0;
}
