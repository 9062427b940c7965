// Credit records for the rights tests, delivered the way departments deliver them: a 行政处罚 file
// through POST /collection/batches. Dates are relative to today, so publication windows hold.
import assert from 'node:assert/strict';
import path from 'node:path';
import { addMonths } from '../../src/domain/publication.js';
import { today } from '../../src/modules/calendar/use-cases.js';
import { penaltyFactory, tempDir, upload, writeCsv, type Row } from '../fixtures/collection/files.js';
import { makeDepartment, makeKey } from './factories.js';
import { client } from './http.js';
import type { TestPlatform } from './platform.js';

export const USCC_COLUMN = '行政相对人代码_1(统一社会信用代码)';
/** A date `months` months before today (China time). */
export const monthsAgo = (months: number) => addMonths(today(), -months);

let seed = 500;

/** A provider department (市场监管) with an officer key, and a factory of its penalty rows. */
export async function providerDepartment(p: TestPlatform, name = '郑州市市场监督管理局') {
  const dept = await makeDepartment(p.ctx, { name, roles: ['provider'] });
  const key = await makeKey(p.ctx, { department: dept.code, role: 'officer' });
  const rows = penaltyFactory(seed++, dept.code);
  const dir = tempDir();
  let n = 0;
  return {
    code: dept.code, key, officer: client(p.baseUrl, key), rows,
    /** Delivers the rows; returns the record id of each, in order. */
    async deliver(batch: Row[]): Promise<string[]> {
      const r = await upload(p.baseUrl, key, { type: 'admin_penalty', file: writeCsv(path.join(dir, `d${++n}.csv`), batch) });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.rejected, 0, JSON.stringify(r.body.rejects));
      const ids: string[] = [];
      for (const row of batch) {
        const items = (await client(p.baseUrl, key).get(`/api/v1/records?subject=${row[USCC_COLUMN]}&type=admin_penalty&limit=200`)).body.items;
        ids.push(items.find((i: { fields: { decision_no: string } }) => i.fields.decision_no === row['行政处罚决定书文号']).id);
      }
      return ids;
    },
  };
}
