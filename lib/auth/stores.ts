/**
 * Store scopes (issue 12). Stores are Footprints locations; each member of staff sees and changes the data
 * of their stores only: one or more locations, or all stores. Pure: the admin pages and the use cases share it.
 *
 * Where a scope comes from, strongest first: the admin role (always all stores); an admin's override kept in
 * the console; what Footprints knows (a business user's `locations`, matched to the member of staff); else no
 * store at all — an unknown person sees nothing until an admin gives them stores (fail closed).
 */
import type { Role } from './roles';

export type StoreScope = { all: true } | { all: false; locationIds: readonly string[] };

export const ALL_STORES: StoreScope = { all: true };
export const NO_STORES: StoreScope = { all: false, locationIds: [] };

export function storesOf(locationIds: readonly string[]): StoreScope {
  return { all: false, locationIds: [...new Set(locationIds.filter(Boolean))].sort() };
}

/** Whether a record of this location is in the scope. A record without a location belongs to no store. */
export function inScope(scope: StoreScope, locationId: string | null | undefined): boolean {
  if (scope.all) return true;
  return Boolean(locationId) && scope.locationIds.includes(locationId as string);
}

/** The stored form of a scope (a session row, an override row): `all` and the location ids. */
export function scopeFromRow(row: { allStores: boolean; locationIds: unknown } | null | undefined): StoreScope {
  if (!row) return NO_STORES;
  if (row.allStores) return ALL_STORES;
  return storesOf(Array.isArray(row.locationIds) ? row.locationIds.filter((x): x is string => typeof x === 'string') : []);
}

export function scopeToRow(scope: StoreScope): { allStores: boolean; locationIds: string[] } {
  return scope.all ? { allStores: true, locationIds: [] } : { allStores: false, locationIds: [...scope.locationIds] };
}

/** For the audit trail and the admin pages: 'all' or the location ids. */
export function describeScope(scope: StoreScope): 'all' | string[] {
  return scope.all ? 'all' : [...scope.locationIds];
}

/** What Footprints says about one of its business users (GET /api/business-users), as the console needs it. */
export interface VendorStaffEntry {
  id: string;
  email: string | null;
  locationIds: readonly string[];
}

/**
 * The business user a member of staff is, when Footprints can tell: a hostess by the token's hostess_id
 * (Footprints' ids of its users), other staff by their username, which is their e-mail or its local part.
 * Nothing is guessed from names. Two matches by local part are ambiguous: no match.
 */
export function matchBusinessUser(
  users: readonly VendorStaffEntry[],
  who: { hostessId?: string | null; username?: string | null },
): VendorStaffEntry | null {
  if (who.hostessId) return users.find((u) => u.id === who.hostessId) ?? null;
  const username = who.username?.trim().toLowerCase();
  if (!username) return null;
  const exact = users.filter((u) => u.email?.trim().toLowerCase() === username);
  if (exact.length === 1) return exact[0];
  if (username.includes('@')) return null;
  const local = users.filter((u) => u.email?.trim().toLowerCase().split('@')[0] === username);
  return local.length === 1 ? local[0] : null;
}

/**
 * The usernames (lower case) that name the same person as `username`, by Footprints' business-users list:
 * Footprints identifies a business user by its `_id` and lists its `email`, the only sign-in name it gives
 * (there is no username field; /api/token's password grant takes a `username`). So a person is linked to
 * a business user by the e-mail itself or by its local part (matchBusinessUser), and both of those name the
 * same person — the local part only while it is unambiguous in the list. Empty when the list links nobody.
 */
export function linkedUsernames(users: readonly VendorStaffEntry[], username: string): string[] {
  const user = matchBusinessUser(users, { username });
  const email = user?.email?.trim().toLowerCase();
  if (!user || !email) return [];
  const local = email.split('@')[0];
  return matchBusinessUser(users, { username: local }) === user ? [email, local] : [email];
}

/** The scope a session starts with. */
export function resolveStoreScope(input: { roles: readonly Role[]; override: StoreScope | null; footprints: readonly string[] | null }): StoreScope {
  if (input.roles.includes('admin')) return ALL_STORES;
  if (input.override) return input.override;
  if (input.footprints) return storesOf(input.footprints);
  return NO_STORES;
}
