import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/lib/db/schema';
import { errorText, openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { isSecretKey, listAudit, listAuditActions, recordAudit, scrubAuditDetail } from './index';

const manager = { id: 'user:ana', name: 'Ana Pop', role: 'manager' };
const hostess = { id: 'hostess:17', name: 'Ioana', role: 'hostess' };

describe('audit detail scrubbing', () => {
  it('recognises secret-looking keys, and only those', () => {
    for (const key of ['pin', 'hostessPin', 'new_pin', 'PIN', 'password', 'accessToken', 'refresh_token', 'client_secret', 'apiKey', 'Authorization', 'sessionCookie']) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ['leadId', 'shipping', 'mapping', 'status', 'idempotencyKey', 'spinner', 'reason']) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it('blanks secrets at any depth, redacts secrets inside text, bounds the size', () => {
    const out = scrubAuditDetail({
      leadId: 'L-1',
      pin: '4321',
      nested: { password: 'hunter2', note: 'called https://x.test/a?apikey=SECRETKEY&b=1', list: [{ token: 't' }] },
      long: 'x'.repeat(2000),
    });
    expect(out).toMatchObject({ leadId: 'L-1', pin: '[redacted]', nested: { password: '[redacted]', list: [{ token: '[redacted]' }] } });
    const text = JSON.stringify(out);
    expect(text).not.toContain('4321');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('SECRETKEY');
    expect((out as { long: string }).long.length).toBeLessThanOrEqual(501);

    const export_ = scrubAuditDetail({ rows: Array.from({ length: 40 }, (_, i) => ({ email: `p${i}@example.com`, text: 'y'.repeat(200) })) });
    expect(export_).toEqual({ truncated: true, keys: ['rows'] });
    expect(scrubAuditDetail(undefined)).toBeNull();
  });
});

describe.each(testEngines)('audit trail on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('records an event with who, what, target, outcome, scrubbed detail', async () => {
    const row = await recordAudit(t.db, {
      actor: manager,
      action: 'leads.updateStatus',
      target: { type: 'lead', id: 'L-100' },
      outcome: 'success',
      detail: { from: 'lead', to: 'customer', pin: '9999' },
      store: 'B01',
    });
    expect(row.id).toBeGreaterThan(0);
    expect(row.at).toBeInstanceOf(Date);
    expect(Math.abs(row.at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(row).toMatchObject({
      actorId: 'user:ana',
      actorName: 'Ana Pop',
      actorRole: 'manager',
      action: 'leads.updateStatus',
      targetType: 'lead',
      targetId: 'L-100',
      outcome: 'success',
      store: 'B01',
      detail: { from: 'lead', to: 'customer', pin: '[redacted]' },
    });
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE raise', async () => {
    const row = await recordAudit(t.db, { actor: hostess, action: 'loyalty.redeem', target: { type: 'loyalty_code', id: 'C1' }, outcome: 'success' });
    const isAppendOnly = (e: unknown) => /append-only/.test(errorText(e));
    await expect(t.db.update(auditEvents).set({ outcome: 'failure' }).where(eq(auditEvents.id, row.id))).rejects.toSatisfy(isAppendOnly);
    await expect(t.db.delete(auditEvents).where(eq(auditEvents.id, row.id))).rejects.toSatisfy(isAppendOnly);
    await expect(t.db.execute(sql`truncate audit_events`)).rejects.toSatisfy(isAppendOnly);
    const [still] = await t.db.select().from(auditEvents).where(eq(auditEvents.id, row.id));
    expect(still.outcome).toBe('success');
  });

  describe('filters', () => {
    let fresh: TestDb;
    const day = (d: number, h = 12) => new Date(Date.UTC(2026, 2, d, h));
    beforeAll(async () => {
      fresh = await openTestDb(engine);
      // Direct inserts to set `at`; inserting is what append-only allows.
      await fresh.db.insert(auditEvents).values([
        { at: day(1), actorId: 'user:ana', actorName: 'Ana Pop', actorRole: 'manager', action: 'leads.updateStatus', targetType: 'lead', targetId: 'L-1', outcome: 'success', detail: { to: 'customer' } },
        { at: day(2), actorId: 'hostess:17', actorName: 'Ioana', actorRole: 'hostess', action: 'loyalty.redeem', targetType: 'loyalty_code', targetId: 'CODE-9', outcome: 'failure', detail: { reason: 'already_redeemed' }, store: 'B01' },
        { at: day(3), actorId: 'user:ana', actorName: 'Ana Pop', actorRole: 'manager', action: 'leads.markLost', targetType: 'lead', targetId: 'L-2', outcome: 'success', detail: { reason: 'Price 100% too high' } },
        { at: day(4), actorId: 'user:sam', actorName: 'Sam', actorRole: 'support', action: 'privacy.export', targetType: 'data_subject', targetId: 'p@example.com', outcome: 'refused' },
        { at: day(5), actorId: 'hostess:17', actorName: 'Ioana', actorRole: 'hostess', action: 'loyalty.redeem', targetType: 'loyalty_code', targetId: 'CODE-10', outcome: 'success', store: 'B01' },
      ]);
    });
    afterAll(async () => {
      await fresh?.dispose();
    });
    const ids = (rows: { targetId: string }[]) => rows.map((r) => r.targetId);

    it('lists newest first with a total, and pages', async () => {
      const all = await listAudit(fresh.db, { limit: 50, offset: 0 });
      expect(all.total).toBe(5);
      expect(ids(all.rows)).toEqual(['CODE-10', 'p@example.com', 'L-2', 'CODE-9', 'L-1']);
      const page2 = await listAudit(fresh.db, { limit: 2, offset: 2 });
      expect(page2.total).toBe(5);
      expect(ids(page2.rows)).toEqual(['L-2', 'CODE-9']);
    });

    it('filters by actor, action, target, outcome, store and time', async () => {
      expect(ids((await listAudit(fresh.db, { actorId: 'user:ana', limit: 50, offset: 0 })).rows)).toEqual(['L-2', 'L-1']);
      expect(ids((await listAudit(fresh.db, { action: 'loyalty.redeem', limit: 50, offset: 0 })).rows)).toEqual(['CODE-10', 'CODE-9']);
      expect(ids((await listAudit(fresh.db, { targetType: 'lead', targetId: 'L-2', limit: 50, offset: 0 })).rows)).toEqual(['L-2']);
      expect(ids((await listAudit(fresh.db, { outcome: 'refused', limit: 50, offset: 0 })).rows)).toEqual(['p@example.com']);
      expect(ids((await listAudit(fresh.db, { store: 'B01', outcome: 'success', limit: 50, offset: 0 })).rows)).toEqual(['CODE-10']);
      const range = await listAudit(fresh.db, { from: day(2), to: day(4), limit: 50, offset: 0 });
      expect(range.total).toBe(3);
      expect(ids(range.rows)).toEqual(['p@example.com', 'L-2', 'CODE-9']);
    });

    it('searches text case-insensitively across actor, action, target and detail, with % taken literally', async () => {
      expect(ids((await listAudit(fresh.db, { text: 'ioana', limit: 50, offset: 0 })).rows)).toEqual(['CODE-10', 'CODE-9']);
      expect(ids((await listAudit(fresh.db, { text: 'ALREADY_redeemed', limit: 50, offset: 0 })).rows)).toEqual(['CODE-9']);
      expect(ids((await listAudit(fresh.db, { text: '100%', limit: 50, offset: 0 })).rows)).toEqual(['L-2']);
      expect((await listAudit(fresh.db, { text: '%', limit: 50, offset: 0 })).total).toBe(1);
      expect((await listAudit(fresh.db, { text: 'nobody-at-all', limit: 50, offset: 0 })).total).toBe(0);
    });

    it('lists the distinct actions, sorted', async () => {
      expect(await listAuditActions(fresh.db)).toEqual(['leads.markLost', 'leads.updateStatus', 'loyalty.redeem', 'privacy.export']);
    });
  });
});
