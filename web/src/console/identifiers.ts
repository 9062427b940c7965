// Client-side identifier checks through the public GET /identifiers/{value}?type=…, so the form
// shows the same Chinese error the server would give, before submitting.
import type { FormRule as Rule } from 'antd';
import { request } from '../shared/api.js';
import type { IdentifierCheck } from './types.js';

export async function checkIdentifier(value: string, type: 'uscc' | 'ric'): Promise<IdentifierCheck> {
  return request<IdentifierCheck>(`/identifiers/${encodeURIComponent(value)}?type=${type}`);
}

/**
 * An antd rule checking a USCC with the API. A failed call (network) does not block the form:
 * the server checks again on submit. `onValid` receives the details (region, subject kind…).
 */
export function usccRule(onValid?: (details: Record<string, unknown>) => void): Rule {
  return {
    validator: async (_rule, raw: unknown) => {
      const value = typeof raw === 'string' ? raw.trim() : '';
      if (!value) return;
      let result: IdentifierCheck;
      try {
        result = await checkIdentifier(value, 'uscc');
      } catch {
        return;
      }
      if (!result.valid) throw new Error(result.errors.map((e) => e.message).join('；') || '统一社会信用代码无效');
      onValid?.(result.details);
    },
  };
}
