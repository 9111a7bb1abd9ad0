import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, dbEngine, defaultMigrationsFolder, pingDb, type Db } from './index';
import { auditEvents, outboxJobs, roleAssignments, staffMembers, staffSessions } from './schema';
import { dropSchema, errorText, freshSchemaName, openTestDb, testEngines, testPostgresUrl } from './testing';

/** Every migration in the journal is applied exactly once. */
const MIGRATION_COUNT = (JSON.parse(fs.readFileSync(path.join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

async function tableCounts(db: Db): Promise<number[]> {
  return Promise.all(
    [outboxJobs, auditEvents, roleAssignments, staffMembers, staffSessions].map(async (t) => (await db.select().from(t)).length),
  );
}

describe.each(testEngines)('database on %s', (engine) => {
  it('applies the migrations on an empty database, and the schema works', async () => {
    const handle = await openTestDb(engine);
    try {
      expect(handle.engine).toBe(engine);
      expect(dbEngine(handle.db)).toBe(engine);
      expect(await tableCounts(handle.db)).toEqual([0, 0, 0, 0, 0]);
      const ping = await pingDb(handle.db);
      expect(ping.ok).toBe(true);

      await handle.db.insert(roleAssignments).values({ subject: 'user:ana', role: 'manager', assignedBy: 'user:admin' });
      const [row] = await handle.db.select().from(roleAssignments);
      expect(row.role).toBe('manager');
      expect(row.assignedAt).toBeInstanceOf(Date);

      // The CHECK constraints refuse what the types refuse.
      await expect(
        handle.db.execute(sql`insert into role_assignments (subject, role, assigned_by) values ('x', 'owner', 'y')`),
      ).rejects.toSatisfy((e: unknown) => /role_assignments_role_check/.test(errorText(e)));
      await expect(
        handle.db.execute(sql`insert into outbox_jobs (kind, idempotency_key, payload, status) values ('k', 'key', '{}', 'paused')`),
      ).rejects.toSatisfy((e: unknown) => /outbox_jobs_status_check/.test(errorText(e)));
    } finally {
      await handle.dispose();
    }
  });
});

describe('migrations are idempotent on a second start', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-db-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('PGlite data folder: second open applies nothing and keeps the data', async () => {
    const dataDir = path.join(tmp, 'nested', 'data'); // parents do not exist yet
    const first = await createDb({ dataDir });
    await first.db.insert(staffMembers).values({ subject: 'hostess:7', kind: 'hostess', displayName: 'Ioana' });
    const journal1 = await first.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);

    const second = await createDb({ dataDir });
    try {
      const journal2 = await second.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect((journal1 as { rows: { n: number }[] }).rows[0].n).toBe(MIGRATION_COUNT);
      expect((journal2 as { rows: { n: number }[] }).rows[0].n).toBe(MIGRATION_COUNT);
      const rows = await second.db.select().from(staffMembers);
      expect(rows.map((r) => r.displayName)).toEqual(['Ioana']);
    } finally {
      await second.close();
    }
  });

  it.skipIf(!testPostgresUrl)('PostgreSQL: second and concurrent starts apply nothing twice', async () => {
    const url = testPostgresUrl as string;
    const pgSchema = freshSchemaName('mig');
    try {
      const first = await createDb({ url, pgSchema });
      await first.db.insert(staffMembers).values({ subject: 'user:ana', kind: 'staff', displayName: 'Ana', username: 'ana' });
      await first.close();
      // Several instances starting together: the advisory lock lets one migrate, the others find it done.
      const again = await Promise.all([createDb({ url, pgSchema }), createDb({ url, pgSchema }), createDb({ url, pgSchema })]);
      try {
        const journal = await again[0].db.execute(sql.raw(`select count(*)::int as n from "${pgSchema}".__drizzle_migrations`));
        expect((journal as { rows: { n: number }[] }).rows[0].n).toBe(MIGRATION_COUNT);
        const rows = await again[2].db.select().from(staffMembers);
        expect(rows.map((r) => r.username)).toEqual(['ana']);
      } finally {
        await Promise.all(again.map((h) => h.close()));
      }
    } finally {
      await dropSchema(url, pgSchema);
    }
  });

  it.skipIf(!testPostgresUrl)('PostgreSQL: concurrent first starts on an empty schema migrate once', async () => {
    const url = testPostgresUrl as string;
    const pgSchema = freshSchemaName('race');
    try {
      const handles = await Promise.all([1, 2, 3, 4].map(() => createDb({ url, pgSchema })));
      try {
        const journal = await handles[0].db.execute(sql.raw(`select count(*)::int as n from "${pgSchema}".__drizzle_migrations`));
        expect((journal as { rows: { n: number }[] }).rows[0].n).toBe(MIGRATION_COUNT);
      } finally {
        await Promise.all(handles.map((h) => h.close()));
      }
    } finally {
      await dropSchema(url, pgSchema);
    }
  });
});

describe('pingDb', () => {
  it('reports a closed database without throwing', async () => {
    const handle = await createDb({ memory: true });
    await handle.close();
    const ping = await pingDb(handle.db);
    expect(ping.ok).toBe(false);
  });
});
