/**
 * The hostess's capture ticket (issue 14, shared tablet): the capture desk is rendered with a signed note of who
 * is capturing and for which stores. A capture saved on the tablet while offline carries it, so that when the
 * next hostess's session sends it, the console records the hostess who captured it (consent proof, submission,
 * audit) — and only when the ticket is genuine, recent, and the capture's store is one of both hostesses'.
 * HMAC-SHA256 under the console's auth secret; nothing secret inside (a staff id, a name, store ids).
 */
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { inScope, type StoreScope } from '@/lib/auth/stores';

/** How long a ticket vouches for its hostess: as long as a capture may wait on a tablet (README, "Offline capture"). */
export const CAPTURE_TICKET_MAX_AGE_MS = 7 * 24 * 3_600_000;

export interface CaptureTicketClaims {
  subject: string;
  name: string;
  stores: StoreScope;
  /** Issued at, ms since the epoch. */
  iat: number;
}

const ClaimsSchema = z.object({
  subject: z.string().min(1).max(200),
  name: z.string().max(200),
  stores: z.union([z.object({ all: z.literal(true) }), z.object({ all: z.literal(false), locationIds: z.array(z.string().max(100)).max(1000) })]),
  iat: z.number().int(),
});

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', `storedesk.capture-ticket:${secret}`).update(body).digest();
}

export function issueCaptureTicket(secret: string, claims: Omit<CaptureTicketClaims, 'iat'>, now: Date = new Date()): string {
  const body = Buffer.from(JSON.stringify({ ...claims, iat: now.getTime() })).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The ticket's claims when it is genuine and not older than the limit (nor from the future); else null. */
export function readCaptureTicket(secret: string, ticket: string, now: Date = new Date()): CaptureTicketClaims | null {
  const [body, sig, extra] = ticket.split('.');
  if (!body || !sig || extra !== undefined) return null;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: CaptureTicketClaims;
  try {
    const r = ClaimsSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    if (!r.success) return null;
    parsed = r.data;
  } catch {
    return null;
  }
  const age = now.getTime() - parsed.iat;
  if (age < -5 * 60_000 || age > CAPTURE_TICKET_MAX_AGE_MS) return null;
  return parsed;
}

/** Same store: the capture's location is one of both hostesses' stores (without a location, they share a store). */
export function sameStore(ticket: StoreScope, sender: StoreScope, locationId: string): boolean {
  if (locationId) return inScope(ticket, locationId) && inScope(sender, locationId);
  if (ticket.all || sender.all) return true;
  return ticket.locationIds.some((id) => sender.locationIds.includes(id));
}
