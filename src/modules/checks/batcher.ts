// Single checks that arrive together are answered together: requests queue for one event-loop turn,
// then each round (up to MAX_ROUND checks, any departments and matters) costs one read statement and
// one insert, however many checks it holds. Under load rounds grow by themselves; at rest a check
// waits one turn.
import type { AppContext } from '../../context.js';
import type { Principal } from '../auth/principal.js';
import { assertMayCheck, resolveQuery, runChecks, type CheckItem, type SubjectQuery } from './check.js';

interface Pending extends CheckItem {
  /** with the answer's JSON text (a CheckResult) */
  resolve: (json: string) => void;
  reject: (e: unknown) => void;
}

const MAX_ROUND = 500;
const MAX_IN_FLIGHT = 3; // rounds being answered at once (the pool has more connections)

export function createCheckBatcher(ctx: AppContext) {
  const queue: Pending[] = [];
  let scheduled = false;
  let inFlight = 0;

  async function answer(items: Pending[]) {
    inFlight++;
    try {
      const settled = await runChecks(ctx, items);
      items.forEach((p, i) => {
        const s = settled[i];
        if (s.ok) s.written.then(() => p.resolve(s.json), p.reject);
        else p.reject(s.error);
      });
    } catch (e) {
      items.forEach((p) => p.reject(e));
    } finally {
      inFlight--;
      if (queue.length) schedule();
    }
  }

  function flush() {
    scheduled = false;
    // the rest waits while MAX_IN_FLIGHT rounds run: it will form larger rounds
    while (queue.length && inFlight < MAX_IN_FLIGHT) void answer(queue.splice(0, MAX_ROUND));
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    check(principal: Principal, query: SubjectQuery, matterCode: string): Promise<string> {
      assertMayCheck(principal);
      const resolved = resolveQuery(ctx, query, 'body.subject');
      return new Promise((resolve, reject) => {
        queue.push({ principal, matterCode, query, resolved, resolve, reject });
        schedule();
      });
    },
  };
}
