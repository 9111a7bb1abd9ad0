/**
 * The one permission table: which role may do what. Every page and every server action checks it
 * (pages through requirePagePermission, actions through defineAction), so a crafted request is refused
 * exactly like a click. Pure: navigation in the browser reads it too.
 */
import type { Role } from './roles';

export const PERMISSIONS = {
  'capture.create': ['hostess', 'manager'],
  /** "Forget this tablet": discard the captures waiting on a tablet (issue 14). */
  'capture.forgetTablet': ['manager'],
  'leads.view': ['manager', 'admin'],
  'leads.updateStatus': ['manager', 'admin'],
  'leads.edit': ['manager', 'admin'],
  'leads.sync': ['manager', 'admin'],
  'insights.view': ['manager', 'admin'],
  'loyalty.check': ['hostess', 'manager'],
  'loyalty.redeem': ['hostess', 'manager'],
  'loyalty.block': ['hostess', 'manager'],
  'loyalty.listCodes': ['manager'],
  'loyalty.exportCodes': ['manager'],
  'privacy.view': ['support', 'admin'],
  'privacy.lookup': ['support', 'admin'],
  'privacy.manage': ['support', 'admin'],
  'privacy.export': ['support', 'admin'],
  'privacy.reveal': ['support', 'admin'],
  'admin.roles': ['admin'],
  'admin.audit': ['admin'],
  'admin.queue': ['admin'],
  'admin.security': ['admin'],
  'admin.system': ['admin'],
  /** Everyone with a role chooses their own language (issue 16). */
  'account.language': ['hostess', 'manager', 'support', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

/** A navigation entry; its label is the message nav.<key> (messages/<locale>.json). */
export interface NavItem {
  href: string;
  key: NavKey;
  permission: Permission;
}

export type NavKey = 'capture' | 'loyalty' | 'leads' | 'insights' | 'privacy' | 'adminStaff' | 'adminAudit' | 'adminQueue' | 'adminSecurity' | 'adminSystem';

/** The console's pages, in navigation order; each is shown only to roles holding its permission. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/capture', key: 'capture', permission: 'capture.create' },
  { href: '/loyalty', key: 'loyalty', permission: 'loyalty.check' },
  { href: '/leads', key: 'leads', permission: 'leads.view' },
  { href: '/insights', key: 'insights', permission: 'insights.view' },
  { href: '/privacy', key: 'privacy', permission: 'privacy.view' },
  { href: '/admin/staff', key: 'adminStaff', permission: 'admin.roles' },
  { href: '/admin/audit', key: 'adminAudit', permission: 'admin.audit' },
  { href: '/admin/queue', key: 'adminQueue', permission: 'admin.queue' },
  { href: '/admin/security', key: 'adminSecurity', permission: 'admin.security' },
  { href: '/admin/system', key: 'adminSystem', permission: 'admin.system' },
];

export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => can(roles, item.permission));
}
