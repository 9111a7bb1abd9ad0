/** Issue 16: a person's language is saved on their staff record and read back; audited. PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, staffMembers } from '@/lib/db/schema';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { saveLanguage } from './save-language';
import { getSavedLocale } from './staff-directory';

describe.each(testEngines)('saveLanguage on %s', (engine) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(async () => {
    await handle.dispose();
  });

  it('saves the choice for the person only, and an unknown stored value reads as none', async () => {
    await handle.db.insert(staffMembers).values([
      { subject: 'user:ana', kind: 'staff', displayName: 'Ana', username: 'ana' },
      { subject: 'user:dan', kind: 'staff', displayName: 'Dan', username: 'dan' },
    ]);
    expect(await getSavedLocale(handle.db, 'user:ana')).toBeNull();
    await saveLanguage(handle.db, { id: 'user:ana', name: 'Ana', role: 'manager' }, 'en');
    expect(await getSavedLocale(handle.db, 'user:ana')).toBe('en');
    expect(await getSavedLocale(handle.db, 'user:dan')).toBeNull();
    await saveLanguage(handle.db, { id: 'user:ana', name: 'Ana', role: 'manager' }, 'ro');
    expect(await getSavedLocale(handle.db, 'user:ana')).toBe('ro');

    await handle.db.update(staffMembers).set({ locale: 'xx' }).where(eq(staffMembers.subject, 'user:dan'));
    expect(await getSavedLocale(handle.db, 'user:dan')).toBeNull();

    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'account.saveLanguage'));
    expect(audit.map((a) => [a.actorId, a.outcome, a.detail])).toEqual([
      ['user:ana', 'success', { locale: 'en' }],
      ['user:ana', 'success', { locale: 'ro' }],
    ]);
  });
});
