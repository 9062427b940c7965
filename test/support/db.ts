// Each test file gets its own database, cloned from the run's migrated template (scripts/test.mjs).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function testEnv() {
  const adminUrl = process.env.XY_TEST_ADMIN_URL;
  const template = process.env.XY_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('run tests through `npm test` (scripts/test.mjs), which prepares the database');
  return { adminUrl, template };
}

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { adminUrl, template } = testEnv();
  const name = `xy_t_${template.slice(7)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (e) {
      // another file is cloning the template at this instant: wait and retry
      if ((e as { code?: string }).code !== '55006' || attempt > 50) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
