// The follower's side of the wire: the source platform's HTTP API (snapshot, /changes, current
// entry states), with timeouts and the source's problem+json turned into errors that say what to do.
import { AppError } from '../../errors.js';
import type { EntryState } from '../changes/snapshot.js';
import type { ListTypeDef } from './store.js';

export interface SourcePage { seq: number; entries: EntryState[]; next: string | null; listTypes: ListTypeDef[] }
export interface SourceStates { entries: EntryState[]; listTypes: ListTypeDef[] }
export interface SourceChanges { changes: { seq: number; type: string; data: { entryId?: string } }[]; next: number }

export class CursorExpired extends Error {}

export function sourceClient(base: string, key: string, timeoutMs = 60_000) {
  const root = base.replace(/\/+$/, '');
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${root}/api/v1${path}`, {
        method, signal: AbortSignal.timeout(timeoutMs),
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (e) {
      const err = e as { cause?: { code?: string }; message?: string };
      throw new AppError('SYNC_SOURCE_UNREACHABLE', 503, `无法连接源平台 ${root}：${err.cause?.code ?? err.message}`);
    }
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (res.ok) return json as T;
    if (res.status === 410 && json?.code === 'FEED_CURSOR_EXPIRED') throw new CursorExpired(json.detail);
    if (res.status === 401) throw new AppError('SYNC_KEY_INVALID', 401, `源平台拒绝了同步密钥（${json?.detail ?? 401}）。`);
    if (res.status === 403) throw new AppError('SYNC_FORBIDDEN', 403, `源平台不允许此密钥同步：${json?.detail ?? 403}`);
    throw new AppError('SYNC_SOURCE_ERROR', 502, `源平台 ${path} 返回 HTTP ${res.status}：${json?.detail ?? text.slice(0, 200)}`);
  }
  return {
    me: () => call<{ user: { department: { code: string; name: string; platform: boolean } } }>('GET', '/auth/me'),
    snapshot: (cursor: string | null, limit: number) => call<SourcePage>('GET', `/sync/snapshot?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`),
    changes: (after: number, limit: number) => call<SourceChanges>('GET', `/changes?after=${after}&limit=${limit}`),
    entries: (ids: string[]) => call<SourceStates>('POST', '/sync/entries', { ids }),
  };
}

export type SourceClient = ReturnType<typeof sourceClient>;
