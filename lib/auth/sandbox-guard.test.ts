/** Issue 11, point 2: sandbox mode never seeds or honours demo roles in a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSandboxRoles } from '@/lib/admin/seed-sandbox-roles';
import { getAssignedRole } from './staff-directory';
import { createDb, type DbHandle } from '@/lib/db';
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
