/** Console roles. Pure: shared by server code and client components (navigation labels). */
export const ROLES = ['hostess', 'manager', 'support', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  hostess: 'Hostess',
  manager: 'Manager',
  support: 'Support',
  admin: 'Admin',
};

export function isRole(value: unknown): value is Role {
  // Stryker: survivor (typeof check → true) because it is an equivalent mutant: includes() finds no
  // non-string in ROLES either; the check stays for the type narrowing and for the reader.
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Footprints token scopes that carry a console role. */
const SCOPE_ROLES: Record<string, Role> = { hostess_scope: 'hostess' };

/**
 * The roles a member of staff holds at sign-in: from the Footprints token's scopes, from the role
 * assignment an admin made in the console, and from the operator's ADMIN_USERNAMES.
 */
export function resolveRoles(input: {
  scopes: readonly string[];
  assigned: Role | null | undefined;
  username?: string | null;
  adminUsernames: readonly string[];
}): Role[] {
  const roles = new Set<Role>();
  for (const scope of input.scopes) {
    const role = SCOPE_ROLES[scope];
    // Stryker: survivor (if → true) because it is an equivalent mutant: an undefined added to the set is
    // dropped by the ROLES filter on return; permissions.test.ts checks unknown scopes give no role.
    if (role) roles.add(role);
  }
  // Stryker: survivor (if → true) because it is an equivalent mutant: a null/undefined added to the set is
  // dropped by the ROLES filter on return; "no role by default" is tested.
  if (input.assigned) roles.add(input.assigned);
  if (input.username && input.adminUsernames.includes(input.username)) roles.add('admin');
  return ROLES.filter((r) => roles.has(r));
}
