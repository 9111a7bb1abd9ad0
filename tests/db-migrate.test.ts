/**
 * Issue 17: `npm run db:migrate` (scripts/db-migrate.mjs, also the container's one-shot migration command) applies
 * every migration of lib/db/migrations and exits 0; run again — or twice at once, as two deploys might — it applies
 * nothing more and still succeeds (the console's advisory lock). On PGlite always; on PostgreSQL, in a database of
 * its own that is dropped afterwards, when TEST_DATABASE_URL is set.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testPostgresUrl } from '@/lib/db/testing';

const run = promisify(execFile);
const baseEnv = { PATH: process.env.PATH ?? '', NODE_ENV: 'production' as const };
const journal = JSON.parse(readFileSync('lib/db/migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] };

async function migrate(env: Record<string, string>): Promise<{ event: string; migrations: number; engine: string }> {
  const { stdout } = await run(process.execPath, ['scripts/db-migrate.mjs'], { env: { ...baseEnv, ...env } });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('db:migrate', () => {
  it('PGlite: applies every migration once, and a second run applies none', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storedesk-migrate-'));
    try {
      expect(await migrate({ DATA_DIR: dir })).toMatchObject({ event: 'db.migrated', engine: 'pglite', migrations: journal.entries.length });
      expect(await migrate({ DATA_DIR: dir })).toMatchObject({ migrations: journal.entries.length });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  const pgIt = testPostgresUrl ? it : it.skip;
  const dbName = `storedesk_migrate_${Date.now().toString(36)}`;
  let created = false;
  afterAll(async () => {
    if (!created || !testPostgresUrl) return;
    const admin = new Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  });

  pgIt('PostgreSQL: two runs at once both succeed and the tables exist once; a failure exits 1 without the password', async () => {
    const admin = new Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    created = true;
    await admin.end();
    const url = new URL(testPostgresUrl!);
    url.pathname = `/${dbName}`;
    const results = await Promise.all([migrate({ DATABASE_URL: url.href }), migrate({ DATABASE_URL: url.href })]);
    for (const r of results) expect(r).toMatchObject({ event: 'db.migrated', engine: 'postgresql', migrations: journal.entries.length });
    const check = new Client({ connectionString: url.href });
    await check.connect();
    const { rows } = await check.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'capture_submissions'");
    await check.end();
    expect(rows[0].n).toBe(1);

    const bad = new URL(url.href);
    bad.password = 'wrong-password-xyz';
    const failed = await run(process.execPath, ['scripts/db-migrate.mjs'], { env: { ...baseEnv, DATABASE_URL: bad.href } }).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('db.migrate_failed');
    expect((failed as { stderr: string }).stderr).not.toContain('wrong-password-xyz');
  }, 90_000);
});
