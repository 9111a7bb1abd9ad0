import { describe, expect, it } from 'vitest';
import { ALL_STORES, storesOf } from '@/lib/auth/stores';
import { CAPTURE_TICKET_MAX_AGE_MS, issueCaptureTicket, readCaptureTicket, sameStore } from './capture-ticket';

const SECRET = 'ticket-test-secret-ticket-test-secret';
const claims = { subject: 'hostess:a', name: 'Ana Hostess', stores: storesOf(['L1', 'L2']) };
const t0 = new Date('2026-12-04T09:00:00Z');

describe('capture ticket', () => {
  it('reads back what it was issued with', () => {
    expect(readCaptureTicket(SECRET, issueCaptureTicket(SECRET, claims, t0), t0)).toEqual({ ...claims, iat: t0.getTime() });
  });

  it('refuses another secret, a changed body, a changed signature, and garbage', () => {
    const ticket = issueCaptureTicket(SECRET, claims, t0);
    expect(readCaptureTicket('another-secret-another-secret-another', ticket, t0)).toBeNull();
    const [body, sig] = ticket.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, subject: 'hostess:b', iat: t0.getTime() })).toString('base64url');
    expect(readCaptureTicket(SECRET, `${forged}.${sig}`, t0)).toBeNull();
    expect(readCaptureTicket(SECRET, `${body}.${sig.slice(0, -2)}AA`, t0)).toBeNull();
    for (const junk of ['', '.', 'a.b.c', 'abc', `${body}.`]) expect(readCaptureTicket(SECRET, junk, t0)).toBeNull();
  });

  it('vouches for its hostess for the limit only (and not from the future)', () => {
    const ticket = issueCaptureTicket(SECRET, claims, t0);
    expect(readCaptureTicket(SECRET, ticket, new Date(t0.getTime() + CAPTURE_TICKET_MAX_AGE_MS))).not.toBeNull();
    expect(readCaptureTicket(SECRET, ticket, new Date(t0.getTime() + CAPTURE_TICKET_MAX_AGE_MS + 1))).toBeNull();
    expect(readCaptureTicket(SECRET, ticket, new Date(t0.getTime() - 10 * 60_000))).toBeNull();
  });

  it('same store: the location is in both scopes; without one, the scopes share a store', () => {
    expect(sameStore(storesOf(['L1']), storesOf(['L1', 'L3']), 'L1')).toBe(true);
    expect(sameStore(storesOf(['L1']), storesOf(['L3']), 'L1')).toBe(false);
    expect(sameStore(storesOf(['L3']), storesOf(['L1']), 'L1')).toBe(false);
    expect(sameStore(ALL_STORES, storesOf(['L1']), 'L1')).toBe(true);
    expect(sameStore(storesOf(['L1', 'L2']), storesOf(['L2']), '')).toBe(true);
    expect(sameStore(storesOf(['L1']), storesOf(['L2']), '')).toBe(false);
  });
});
