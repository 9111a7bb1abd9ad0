/**
 * Issue 16: the language chosen on the sign-in page is saved for the person who signs in (and audited with
 * the sign-in); a sign-in without one leaves the saved choice alone. PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '@/lib/db/schema';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { setLogSink } from '@/lib/log';
import { signInStaff } from './sign-in';
import { getSavedLocale } from './staff-directory';

const vendor = { handle: null as TestDb | null };
vi.mock('@/lib/db', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/lib/db')>()), getDb: async () => vendor.handle!.db }));
vi.mock('@/lib/vendors/clients', () => ({
  getFootprintsClient: () => ({
    requestToken: async () => ({ accessToken: 'sign-in-locale-token', scope: ['app_scope'], expiresIn: 3600 }),
    listBusinessUsers: async () => [],
  }),
}));

describe.each(testEngines)('the sign-in page’s language at sign-in, on %s', (engine) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(engine);
    vendor.handle = handle;
  });
  afterAll(async () => {
    await handle.dispose();
  });

  it('is saved for the person with the sign-in; a later sign-in without one keeps it', async () => {
    const restore = setLogSink(() => {});
    try {
      expect((await signInStaff({ grant: 'password', username: 'irina', password: 'x', locale: 'ro' }, null)).ok).toBe(true);
      expect(await getSavedLocale(handle.db, 'user:irina')).toBe('ro');
      const [audit] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.signIn'), eq(auditEvents.targetId, 'user:irina')));
      expect(audit.detail).toMatchObject({ locale: 'ro' });

      expect((await signInStaff({ grant: 'password', username: 'irina', password: 'x' }, null)).ok).toBe(true);
      expect(await getSavedLocale(handle.db, 'user:irina')).toBe('ro');

      expect((await signInStaff({ grant: 'password', username: 'irina', password: 'x', locale: 'en' }, null)).ok).toBe(true);
      expect(await getSavedLocale(handle.db, 'user:irina')).toBe('en');
    } finally {
      setLogSink(restore);
    }
  });
});
