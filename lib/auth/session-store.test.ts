import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/lib/db';
import { staffSessions } from '@/lib/db/schema';
import { createSession, endSession, endSessionsOf, openToken, sealToken, sessionIsLive, touchSession } from './session-store';

const SECRET = 's'.repeat(40);
const LIMITS = { maxAgeMs: 10 * 3_600_000, hostessIdleMs: 15 * 60_000, staffIdleMs: 30 * 60_000 };
let handle: DbHandle;

beforeAll(async () => {
  handle = await createDb({ memory: true });
});
afterAll(async () => handle.close());

async function newSession(kind: 'hostess' | 'staff') {
  return createSession(handle.db, SECRET, {
    subject: kind === 'hostess' ? 'hostess:1' : 'user:manager',
    kind,
    displayName: 'X',
    username: kind === 'staff' ? 'manager' : null,
    roles: [kind === 'hostess' ? 'hostess' : 'manager'],
    stores: { all: true },
    device: null,
    accessToken: 'footprints-token-abcdef',
    tokenExpiresAt: null,
  });
}

describe('staff sessions', () => {
  it('keeps the store scope it started with, and ends every open session of a person at once', async () => {
    const id = await createSession(handle.db, SECRET, {
      subject: 'user:scoped',
      kind: 'staff',
      displayName: 'S',
      username: 'scoped',
      roles: ['manager'],
      stores: { all: false, locationIds: ['L1', 'L2'] },
      device: null,
      accessToken: 'tok-scoped',
      tokenExpiresAt: null,
    });
    const live = await touchSession(handle.db, SECRET, id, LIMITS);
    expect('session' in live && live.session.stores).toEqual({ all: false, locationIds: ['L1', 'L2'] });
    const other = await newSession('staff');
    expect(await endSessionsOf(handle.db, 'user:scoped', 'access_changed')).toBe(1);
    expect(await touchSession(handle.db, SECRET, id, LIMITS)).toEqual({ ended: 'access_changed' });
    expect('session' in (await touchSession(handle.db, SECRET, other, LIMITS))).toBe(true);
  });

  it('keeps the Footprints token sealed at rest', async () => {
    const id = await newSession('staff');
    const rows = await handle.db.select().from(staffSessions);
    const row = rows.find((r) => r.id === id)!;
    expect(row.sealedToken).not.toContain('footprints-token-abcdef');
    expect(openToken(row.sealedToken, SECRET)).toBe('footprints-token-abcdef');
    expect(() => openToken(sealToken('t', SECRET), 'another-secret-that-is-long-enough')).toThrow();
  });

  it('returns the session and its token while live', async () => {
    const id = await newSession('staff');
    const result = await touchSession(handle.db, SECRET, id, LIMITS);
    expect('session' in result && result.session.accessToken).toBe('footprints-token-abcdef');
    expect('session' in result && result.session.roles).toEqual(['manager']);
  });

  it('ends a hostess session after 15 idle minutes, while a manager one lives on', async () => {
    const later = new Date(Date.now() + 16 * 60_000);
    const hostess = await newSession('hostess');
    const manager = await newSession('staff');
    expect(await touchSession(handle.db, SECRET, hostess, { ...LIMITS, now: later })).toEqual({ ended: 'idle' });
    expect('session' in (await touchSession(handle.db, SECRET, manager, { ...LIMITS, now: later }))).toBe(true);
    // Once ended, it stays ended.
    expect(await touchSession(handle.db, SECRET, hostess, LIMITS)).toEqual({ ended: 'idle' });
  });

  it('ends a desk staff session after its own idle limit', async () => {
    const manager = await newSession('staff');
    expect('session' in (await touchSession(handle.db, SECRET, manager, { ...LIMITS, now: new Date(Date.now() + 29 * 60_000) }))).toBe(true);
    // 29 min later the session was seen: idleness counts from then.
    expect(await touchSession(handle.db, SECRET, manager, { ...LIMITS, now: new Date(Date.now() + 60 * 60_000) })).toEqual({ ended: 'idle' });
  });

  it('ends any session at the shift limit', async () => {
    const id = await newSession('staff');
    const result = await touchSession(handle.db, SECRET, id, { ...LIMITS, now: new Date(Date.now() + 11 * 3_600_000) });
    expect(result).toEqual({ ended: 'shift_limit' });
  });

  it('ends at sign-out and blanks the sealed token', async () => {
    const id = await newSession('staff');
    await endSession(handle.db, id, 'signed_out');
    expect(await touchSession(handle.db, SECRET, id, LIMITS)).toEqual({ ended: 'signed_out' });
    const rows = await handle.db.select().from(staffSessions);
    expect(rows.find((r) => r.id === id)!.sealedToken).toBe('');
  });

  it('does not know a made-up id', async () => {
    expect(await touchSession(handle.db, SECRET, 'nope', LIMITS)).toEqual({ ended: 'unknown' });
  });

  it('tells whether a session is live without marking it seen (what /api/auth/session names)', async () => {
    const hostess = await newSession('hostess');
    expect(await sessionIsLive(handle.db, hostess, LIMITS)).toBe(true);
    const [before] = await handle.db.select().from(staffSessions).where(eq(staffSessions.id, hostess));
    // Polling 14 minutes later neither extends the idle clock nor ends the session.
    expect(await sessionIsLive(handle.db, hostess, { ...LIMITS, now: new Date(Date.now() + 14 * 60_000) })).toBe(true);
    const [after] = await handle.db.select().from(staffSessions).where(eq(staffSessions.id, hostess));
    expect(after.lastSeenAt.getTime()).toBe(before.lastSeenAt.getTime());
    expect(await sessionIsLive(handle.db, hostess, { ...LIMITS, now: new Date(Date.now() + 16 * 60_000) })).toBe(false);
    await endSession(handle.db, hostess, 'replaced');
    expect(await sessionIsLive(handle.db, hostess, LIMITS)).toBe(false);
    expect(await sessionIsLive(handle.db, 'no-such-session', LIMITS)).toBe(false);
  });
});
