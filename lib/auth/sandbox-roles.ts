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

/** `assigned_by` of the seeded assignments: they count only while sandbox mode is on (lib/admin/roles.ts). */
export const SANDBOX_SEED_MARK = 'sandbox-seed';
