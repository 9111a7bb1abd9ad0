/**
 * Where a member of staff lands (issue 19, point 16): the main desk of their role, not the first menu
 * item. The same function is the fallback of the post-sign-in redirect (issue 11, point 5), so a refused
 * `next` lands exactly where a plain sign-in does. Pure: no server-only imports.
 */
import type { Role } from './roles';

/** Main desk per role; with several roles the broadest one wins (admin, then manager, support, hostess). */
export const ROLE_HOME: readonly (readonly [Role, string])[] = [
  ['admin', '/admin/audit'],
  ['manager', '/leads'],
  ['support', '/privacy'],
  ['hostess', '/capture'],
];

/** The role's main desk, or "/" (the "ask an admin" page) for someone without a role. */
export function homeFor(roles: readonly Role[]): string {
  return ROLE_HOME.find(([role]) => roles.includes(role))?.[1] ?? '/';
}

const PLACEHOLDER_ORIGIN = 'http://storedesk.invalid';

/**
 * A `next`/`callbackUrl` value reduced to a path on the console itself, or null when it is not one. The
 * value is resolved against the console's origin exactly as a browser would (tabs and newlines dropped,
 * backslashes as slashes), must stay on that origin, and its decoded path may hold no backslash, control
 * character or leading double slash — the shapes browsers and proxies have been known to read as another
 * host. The login page itself is refused too (no loop).
 */
export function safeNextPath(value: unknown, origin: string = PLACEHOLDER_ORIGIN): string | null {
  if (typeof value !== 'string' || !value || value.length > 2000) return null;
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (/[\\\u0000-\u001f\u007f]/.test(decoded) || decoded.startsWith('//') || !decoded.startsWith('/')) return null;
  if (/\s/.test(decoded)) return null;
  if (url.pathname === '/login' || url.pathname.startsWith('/api/')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
