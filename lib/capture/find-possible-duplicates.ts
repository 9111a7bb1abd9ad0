/**
 * Possible duplicates: people captured in the last 90 days with the same e-mail or phone, from the
 * console's own submissions. The search runs on the server; the hostess sees only what she needs to decide
 * (a short name, masked contact, when, by whom, whether it reached Footprints) — never the full record.
 */
import 'server-only';
import type { StoreScope } from '@/lib/auth/stores';
import { and, desc, eq, gte, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { normalizeEmail, normalizePhone } from './fields';
import type { CaptureSyncState } from './constants';
import { captureSubmissions } from './schema';

export const DUPLICATE_WINDOW_DAYS = 90;

export interface PossibleDuplicate {
  displayName: string;
  /** e.g. "a•••@example.com" — only when the e-mail matched. */
  maskedEmail: string | null;
  /** e.g. "••• ••• 111" — only when the phone matched. */
  maskedPhone: string | null;
  matchedOn: ('email' | 'phone')[];
  capturedAt: string;
  capturedBy: string;
  syncState: CaptureSyncState;
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  if (!domain) return '•••';
  return `${local.charAt(0)}•••@${domain}`;
}

export function maskPhone(normalized: string): string {
  return `••• ••• ${normalized.slice(-3)}`;
}

function captureScopeWhere(scope: StoreScope): SQL | undefined {
  if (scope.all) return undefined;
  return scope.locationIds.length ? inArray(captureSubmissions.locationId, [...scope.locationIds]) : sql`false`;
}

export async function findPossibleDuplicates(
  db: Db,
  query: { email: string; phone: string },
  opts: { scope: StoreScope; now?: Date; limit?: number; excludeIdempotencyKey?: string },
): Promise<PossibleDuplicate[]> {
  const email = normalizeEmail(query.email);
  const phone = normalizePhone(query.phone);
  const matches: SQL[] = [];
  if (email) matches.push(eq(captureSubmissions.emailNormalized, email));
  if (phone) matches.push(eq(captureSubmissions.phoneNormalized, phone));
  if (matches.length === 0) return [];
  const since = new Date((opts.now ?? new Date()).getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
  const rows = await db
    .select({
      key: captureSubmissions.idempotencyKey,
      displayName: captureSubmissions.displayName,
      email: captureSubmissions.emailNormalized,
      phone: captureSubmissions.phoneNormalized,
      capturedAt: captureSubmissions.capturedAt,
      capturedBy: captureSubmissions.hostessName,
      syncState: captureSubmissions.syncState,
    })
    .from(captureSubmissions)
    // A submission Footprints refused never became a person there: not a duplicate of anyone.
    // Only captures of the caller's stores (issue 12): another store's customer is not named to them.
    .where(and(gte(captureSubmissions.capturedAt, since), ne(captureSubmissions.syncState, 'failed'), or(...matches), captureScopeWhere(opts.scope)))
    .orderBy(desc(captureSubmissions.capturedAt))
    .limit(opts.limit ?? 5);
  return rows
    .filter((r) => r.key !== opts.excludeIdempotencyKey)
    .map((r) => {
      const onEmail = Boolean(email && r.email === email);
      const onPhone = Boolean(phone && r.phone === phone);
      return {
        displayName: r.displayName,
        maskedEmail: onEmail && r.email ? maskEmail(r.email) : null,
        maskedPhone: onPhone && r.phone ? maskPhone(r.phone) : null,
        matchedOn: [...(onEmail ? (['email'] as const) : []), ...(onPhone ? (['phone'] as const) : [])],
        capturedAt: r.capturedAt.toISOString(),
        capturedBy: r.capturedBy,
        syncState: r.syncState,
      };
    });
}
