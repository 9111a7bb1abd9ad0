/**
 * Role assignments the sandbox starts with, as an admin would have made them: the demo logins of the
 * Footprints simulator (listed in the README). `newcomer` deliberately has none, to show least privilege.
 * Hostesses need no assignment: their role comes from the token's hostess_scope.
 */
import type { Role } from './roles';

export const SANDBOX_ROLE_SEED: readonly { subject: string; username: string; displayName: string; role: Role }[] = [
  { subject: 'user:manager', username: 'manager', displayName: 'manager', role: 'manager' },
  { subject: 'user:support', username: 'support', displayName: 'support', role: 'support' },
  { subject: 'user:admin', username: 'admin', displayName: 'admin', role: 'admin' },
];

/** `assigned_by` of the seeded assignments: they count only while sandbox mode is on (lib/auth/staff-directory.ts). */
export const SANDBOX_SEED_MARK = 'sandbox-seed';

/**
 * Store scopes the sandbox starts with (issue 12), marked SANDBOX_SEED_MARK like the roles: the demo manager
 * and both demo hostesses work for every store of the seeded chain (Footprints' business users do not list
 * them, so without a seed they would start with no store). Admins need none: they are always all stores.
 */
export const SANDBOX_STORE_SEED: readonly { subject: string; allStores: true }[] = [
  { subject: 'user:manager', allStores: true },
  { subject: 'hostess:5b30cb85e1267446c5784b75', allStores: true },
  { subject: 'hostess:5b30cb85e1267446c5784b76', allStores: true },
];
