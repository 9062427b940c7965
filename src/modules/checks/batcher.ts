// Single checks that arrive together are answered together: requests queue for one event-loop turn,
// then each group (department + matter) costs one read statement and one insert, however many
// checks it holds. Under load groups grow by themselves; at rest a check waits one turn.
import type { AppContext } from '../../context.js';
import type { Principal } from '../auth/principal.js';
import { assertMayCheck, resolveQuery, runCheckGroup, type CheckItem, type CheckResult, type SubjectQuery } from './check.js';

interface Pending extends CheckItem {
  resolve: (r: CheckResult) => void;
  reject: (e: unknown) => void;
}

const MAX_GROUP = 500;
const MAX_IN_FLIGHT = 4; // groups being answered at once (the pool has more connections)

export function createCheckBatcher(ctx: AppContext) {
  const queue = new Map<string, Pending[]>();
  let scheduled = false;
  let inFlight = 0;

  async function answer(key: string, items: Pending[]) {
    inFlight++;
    try {
      const [departmentId, matterCode] = key.split('\u0000');
      const results = await runCheckGroup(ctx, { departmentId, matterCode, items });
      items.forEach((p, i) => p.resolve(results[i]));
    } catch (e) {
      items.forEach((p) => p.reject(e));
    } finally {
      inFlight--;
      if (queue.size) schedule();
    }
  }

  function flush() {
    scheduled = false;
    for (const [key, items] of queue) {
      if (inFlight >= MAX_IN_FLIGHT) break; // the rest waits: it will form larger groups
      queue.delete(key);
      for (let i = 0; i < items.length; i += MAX_GROUP) void answer(key, items.slice(i, i + MAX_GROUP));
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    check(principal: Principal, query: SubjectQuery, matterCode: string): Promise<CheckResult> {
      assertMayCheck(principal);
      const resolved = resolveQuery(ctx, query, 'body.subject');
      return new Promise((resolve, reject) => {
        const key = `${principal.departmentId}\u0000${matterCode}`;
        const list = queue.get(key) ?? [];
        list.push({ principal, query, resolved, resolve, reject });
        queue.set(key, list);
        schedule();
      });
    },
  };
}
