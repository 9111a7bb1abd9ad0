/** Issue 11, point 2: sandbox mode never seeds or honours demo roles in a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSandboxRoles } from '@/lib/admin/seed-sandbox-roles';
import { getAssignedRole } from './staff-directory';
import { Client } from 'pg';
import { createDb, type DbHandle } from '@/lib/db';
import { freshSchemaName, testPostgresUrl } from '@/lib/db/testing';
import { assertSandboxDatabaseAllowed, SANDBOX_MARK_KEY, SandboxDatabaseError } from './sandbox-guard';
import { consoleSettings } from './schema';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ memory: true });
});
afterAll(async () => handle?.close());

const database = (url?: string) => ({ url, dataDir: '.data', connectTimeoutMs: 5000, statementTimeoutMs: 15000 });

describe('sandbox guard', () => {
  it('refuses SANDBOX=1 on a PostgreSQL database that is not marked, and says so', async () => {
    await expect(assertSandboxDatabaseAllowed(handle.db, { sandbox: true, database: database('postgres://x/y') })).rejects.toThrow(SandboxDatabaseError);
    await expect(assertSandboxDatabaseAllowed(handle.db, { sandbox: true, database: database('postgres://x/y') })).rejects.toThrow(
      /not marked as a sandbox database/,
    );
  });

  it('accepts the embedded database, sandbox off, and a marked database', async () => {
    await assertSandboxDatabaseAllowed(handle.db, { sandbox: true, database: database() });
    await assertSandboxDatabaseAllowed(handle.db, { sandbox: false, database: database('postgres://x/y') });
    await handle.db.insert(consoleSettings).values({ key: SANDBOX_MARK_KEY, value: 'yes' });
    await assertSandboxDatabaseAllowed(handle.db, { sandbox: true, database: database('postgres://x/y') });
  });

  it('ignores the roles the sandbox seeded once sandbox mode is off', async () => {
    await seedSandboxRoles(handle.db);
    expect(await getAssignedRole(handle.db, 'user:admin', { sandbox: true })).toBe('admin');
    expect(await getAssignedRole(handle.db, 'user:admin', { sandbox: false })).toBeNull();
    expect(await getAssignedRole(handle.db, 'user:manager', { sandbox: false })).toBeNull();
  });
});

describe.runIf(testPostgresUrl)('sandbox mark on PostgreSQL, checked before migrating', () => {
  const url = testPostgresUrl!;

  async function tablesIn(schema: string): Promise<number> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1', [schema]);
      const { rows: schemas } = await client.query('SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = $1', [schema]);
      return rows[0].n + schemas[0].n;
    } finally {
      await client.end();
    }
  }

  it('leaves an unmarked database untouched: refused before any schema or table is created', async () => {
    const pgSchema = freshSchemaName('sbx');
    await expect(createDb({ url, pgSchema, requireSandboxMark: true })).rejects.toThrow(SandboxDatabaseError);
    await expect(createDb({ url, pgSchema, requireSandboxMark: true })).rejects.toThrow(/not marked as a sandbox database/);
    expect(await tablesIn(pgSchema)).toBe(0);
  });

  it('opens a marked database', async () => {
    const pgSchema = freshSchemaName('sbx');
    const setup = await createDb({ url, pgSchema });
    await setup.db.insert(consoleSettings).values({ key: SANDBOX_MARK_KEY, value: 'yes' });
    await setup.close();
    const marked = await createDb({ url, pgSchema, requireSandboxMark: true });
    await marked.close();
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
    await client.end();
  });
});
