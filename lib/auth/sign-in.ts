/**
 * Sign-in use case: staff credentials are exchanged at Footprints /api/token (grant pin or password);
 * roles come from the token's scopes, the console's role assignments and ADMIN_USERNAMES; a server-side
 * session keeps the access token. The console stores no password and never logs a PIN.
 */
import 'server-only';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { log } from '@/lib/log';
import { VendorError } from '@/lib/vendors/http';
import { getFootprintsClient } from '@/lib/vendors/clients';
import { resolveRoles } from './roles';
import { createSession } from './session-store';
import { claimLinkedSetup, getAssignedRole, getStoreOverride, recordStaffSignIn, setSavedLocale } from './staff-directory';
import type { Locale } from '@/lib/i18n/locales';
import { describeScope, matchBusinessUser, resolveStoreScope, type StoreScope, type VendorStaffEntry } from './stores';
import { confirmFailure, releaseAttempt, reserveAttempt, throttleKeys, type SignInClient } from './throttle';

export const PinSchema = z.object({ pin: z.string().regex(/^\d{4,10}$/, 'Enter your PIN: 4 to 10 digits.') });
export const PasswordSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username.').max(200),
  password: z.string().min(1, 'Enter your password.').max(500),
});

export type SignInFailure = 'INVALID_INPUT' | 'WRONG_CREDENTIALS' | 'VENDOR_UNAVAILABLE' | 'THROTTLED';
export type SignInResult =
  | { ok: true; sessionId: string; displayName: string }
  | { ok: false; code: Exclude<SignInFailure, 'THROTTLED'> }
  | { ok: false; code: 'THROTTLED'; retryAfterSeconds: number };

/** `locale`: the language chosen on the sign-in page just before, saved for the person who signs in (issue 16). */
export type SignInInput = ({ grant: 'pin'; pin: string } | { grant: 'password'; username: string; password: string }) & { locale?: Locale };

export async function signInStaff(input: SignInInput, device: string | null, client: SignInClient = { address: null, deviceId: null }): Promise<SignInResult> {
  const parsed = input.grant === 'pin' ? PinSchema.safeParse(input) : PasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: 'INVALID_INPUT' };
  const config = getConfig();
  const db = await getDb();
  // The guard decides before Footprints hears of the attempt.
  const reservation = await reserveAttempt(db, throttleKeys(client, input.grant === 'password' ? input.username : null));
  if (!reservation.allowed) {
    log('info', 'auth.sign_in_throttled', { grant: input.grant, locked: reservation.locked, retryAfterSeconds: Math.ceil(reservation.retryAfterMs / 1000) });
    return { ok: false, code: 'THROTTLED', retryAfterSeconds: Math.ceil(reservation.retryAfterMs / 1000) };
  }
  let token;
  try {
    token = await getFootprintsClient().requestToken(
      input.grant === 'pin' ? { grantType: 'pin', pin: input.pin } : { grantType: 'password', username: input.username, password: input.password },
    );
  } catch (error) {
    const vendorDown = error instanceof VendorError && error.retryable;
    log(vendorDown ? 'warn' : 'info', 'auth.sign_in_failed', {
      grant: input.grant,
      reason: error instanceof VendorError ? { status: error.status, kind: error.kind } : 'unexpected',
    });
    await recordAudit(db, {
      actor: { id: input.grant === 'password' ? `user:${input.username}` : 'hostess:unknown', name: input.grant === 'password' ? input.username : 'PIN sign-in', role: 'none' },
      action: 'auth.signIn',
      target: { type: 'staff', id: input.grant === 'password' ? `user:${input.username}` : 'pin' },
      outcome: 'failure',
      detail: { grant: input.grant, reason: vendorDown ? 'vendor_unavailable' : 'wrong_credentials' },
    });
    if (vendorDown || !(error instanceof VendorError)) await releaseAttempt(db, reservation, 'no_verdict');
    else await confirmFailure(db, reservation);
    if (vendorDown) return { ok: false, code: 'VENDOR_UNAVAILABLE' };
    if (error instanceof VendorError) return { ok: false, code: 'WRONG_CREDENTIALS' };
    throw error;
  }
  await releaseAttempt(db, reservation, 'success');

  const isHostess = input.grant === 'pin';
  const subject = isHostess ? `hostess:${token.hostessId ?? 'unknown'}` : `user:${input.username}`;
  const displayName = (isHostess ? token.hostessName : input.username) ?? 'Hostess';
  const username = input.grant === 'password' ? input.username : null;
  const businessUsers = businessUsersOnce(token.accessToken);
  // Set up by an admin under the person's other username (their e-mail, or its local part): it counts now.
  const linked = username ? await claimLinkedSetup(db, { subject, username, sandbox: config.sandbox }, businessUsers) : null;
  const assigned = await getAssignedRole(db, subject, { sandbox: config.sandbox });
  const roles = resolveRoles({ scopes: token.scope, assigned, username, adminUsernames: config.auth.adminUsernames });
  if (linked) {
    await recordAudit(db, {
      actor: { id: subject, name: displayName, role: roles.join(',') || 'none' },
      action: 'auth.linkSetup',
      target: { type: 'staff', id: subject },
      outcome: 'success',
      detail: { roleFrom: linked.roleFrom, storesFrom: linked.storesFrom, folded: linked.aliases },
    });
  }
  const stores = await storeScopeAtSignIn(db, { subject, roles, sandbox: config.sandbox, hostessId: isHostess ? token.hostessId ?? null : null, username, businessUsers });
  await recordStaffSignIn(db, { subject, kind: isHostess ? 'hostess' : 'staff', displayName, username });
  if (input.locale) await setSavedLocale(db, subject, input.locale);
  const maxAgeMs = config.auth.sessionMaxHours * 3_600_000;
  const sessionId = await createSession(db, config.auth.secret, {
    subject,
    kind: isHostess ? 'hostess' : 'staff',
    displayName,
    username,
    roles,
    stores,
    device,
    accessToken: token.accessToken,
    tokenExpiresAt: token.expiresAt ?? (token.expiresIn ? new Date(Date.now() + Math.min(token.expiresIn * 1000, maxAgeMs * 2)) : null),
  });
  await recordAudit(db, {
    actor: { id: subject, name: displayName, role: roles.join(',') || 'none' },
    action: 'auth.signIn',
    target: { type: 'staff', id: subject },
    outcome: 'success',
    detail: { grant: input.grant, roles, stores: describeScope(stores), ...(input.locale ? { locale: input.locale } : {}) },
  });
  return { ok: true, sessionId, displayName };
}

/** Footprints' business users as the console needs them, asked at most once per sign-in (null when Footprints did not answer). */
function businessUsersOnce(accessToken: string): () => Promise<VendorStaffEntry[] | null> {
  let answer: Promise<VendorStaffEntry[] | null> | null = null;
  return () =>
    (answer ??= getFootprintsClient()
      .listBusinessUsers(accessToken)
      .then((users) => users.map((u) => ({ id: u._id, email: u.email ?? null, locationIds: (u.locations ?? []).map((l) => l._id) })))
      .catch((error: unknown) => {
        log('warn', 'auth.business_users_unavailable', { reason: error instanceof VendorError ? { status: error.status, kind: error.kind } : 'unexpected' });
        return null;
      }));
}

/**
 * The store scope a session starts with: admins all stores, an admin's override, else what Footprints
 * knows of the person (their business user's locations). Footprints is asked only when it decides the
 * answer; if it does not answer, the person starts with no store (and may sign in again later).
 */
async function storeScopeAtSignIn(
  db: Awaited<ReturnType<typeof getDb>>,
  who: {
    subject: string;
    roles: Parameters<typeof resolveStoreScope>[0]['roles'];
    sandbox: boolean;
    hostessId: string | null;
    username: string | null;
    businessUsers: () => Promise<VendorStaffEntry[] | null>;
  },
): Promise<StoreScope> {
  const override = await getStoreOverride(db, who.subject, { sandbox: who.sandbox });
  if (who.roles.includes('admin') || override) return resolveStoreScope({ roles: who.roles, override, footprints: null });
  const users = await who.businessUsers();
  const match = users ? matchBusinessUser(users, { hostessId: who.hostessId, username: who.username }) : null;
  return resolveStoreScope({ roles: who.roles, override: null, footprints: match ? [...match.locationIds] : null });
}
