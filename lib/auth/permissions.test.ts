import { describe, expect, it } from 'vitest';
import { can, NAV_ITEMS, navFor, PERMISSIONS, type Permission } from './permissions';
import en from '@/messages/en.json';
import ro from '@/messages/ro.json';
import { isRole, resolveRoles, ROLE_LABELS, ROLES } from './roles';

describe('the permission table', () => {
  it('gives each role exactly the permissions of the expected matrix (a literal, not the table itself)', () => {
    // h = hostess, m = manager, s = support, a = admin. A change to the table must change this matrix too.
    const expected: Record<Permission, string> = {
      'capture.create': 'hm',
      'capture.forgetTablet': 'm',
      'leads.view': 'ma',
      'leads.updateStatus': 'ma',
      'leads.edit': 'ma',
      'leads.sync': 'ma',
      'insights.view': 'ma',
      'loyalty.check': 'hm',
      'loyalty.redeem': 'hm',
      'loyalty.block': 'hm',
      'loyalty.listCodes': 'm',
      'loyalty.exportCodes': 'm',
      'privacy.view': 'sa',
      'privacy.lookup': 'sa',
      'privacy.manage': 'sa',
      'privacy.export': 'sa',
      'privacy.reveal': 'sa',
      'admin.roles': 'a',
      'admin.audit': 'a',
      'admin.queue': 'a',
      'admin.security': 'a',
      'admin.system': 'a',
      'account.language': 'hmsa',
    };
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(expected).sort());
    const letter = { hostess: 'h', manager: 'm', support: 's', admin: 'a' } as const;
    for (const permission of Object.keys(expected) as Permission[]) {
      for (const role of ROLES) expect(can([role], permission), `${role} ${permission}`).toBe(expected[permission].includes(letter[role]));
      expect(can([], permission), `nobody ${permission}`).toBe(false);
      // Several roles: allowed when any of them is.
      expect(can(['hostess', 'support'], permission)).toBe(/[hs]/.test(expected[permission]));
    }
  });

  it('keeps hostesses out of the pipeline, privacy and admin; support out of leads', () => {
    expect(can(['hostess'], 'leads.view')).toBe(false);
    expect(can(['hostess'], 'privacy.lookup')).toBe(false);
    expect(can(['hostess'], 'admin.roles')).toBe(false);
    expect(can(['support'], 'leads.updateStatus')).toBe(false);
    expect(can(['manager'], 'privacy.view')).toBe(false);
    expect([can(['manager'], 'insights.view'), can(['admin'], 'insights.view'), can(['hostess'], 'insights.view'), can(['support'], 'insights.view')]).toEqual([true, true, false, false]);
  });

  it('shows navigation only for pages the role may open', () => {
    expect(navFor(['hostess']).map((n) => n.href)).toEqual(['/capture', '/loyalty']);
    expect(navFor(['support']).map((n) => n.href)).toEqual(['/privacy']);
    expect(navFor(['manager']).map((n) => n.href)).toEqual(['/capture', '/loyalty', '/leads', '/insights']);
    expect(navFor(['admin']).map((n) => n.href)).toEqual(['/leads', '/insights', '/privacy', '/admin/staff', '/admin/audit', '/admin/queue', '/admin/security', '/admin/system']);
    // Labels are messages (nav.<key>, messages/<locale>.json; lib/i18n/messages.test.ts checks both languages have each).
    expect(navFor(['admin']).map((n) => en.nav[n.key])).toEqual(['Pipeline', 'Insights', 'Privacy desk', 'Staff', 'Audit trail', 'Sync queue', 'Security', 'System']);
    expect(navFor(['hostess']).map((n) => en.nav[n.key])).toEqual(['Capture lead', 'Loyalty desk']);
    expect(navFor(['hostess']).map((n) => ro.nav[n.key])).toEqual(['Înregistrează lead', 'Birou fidelitate']);
    expect(navFor([])).toEqual([]);
    for (const item of NAV_ITEMS) expect(PERMISSIONS[item.permission]).toBeDefined();
  });
});

describe('resolveRoles', () => {
  it('maps hostess_scope to hostess and adds the assigned role', () => {
    expect(resolveRoles({ scopes: ['app_scope', 'hostess_scope'], assigned: null, adminUsernames: [] })).toEqual(['hostess']);
    expect(resolveRoles({ scopes: ['app_scope'], assigned: 'manager', adminUsernames: [] })).toEqual(['manager']);
    expect(resolveRoles({ scopes: ['app_scope', 'hostess_scope'], assigned: 'support', adminUsernames: [] })).toEqual(['hostess', 'support']);
  });
  it('gives no role by default (least privilege)', () => {
    expect(resolveRoles({ scopes: ['app_scope'], assigned: null, username: 'someone', adminUsernames: ['boss'] })).toEqual([]);
  });
  it('makes ADMIN_USERNAMES admins, on top of what they were given, and only them', () => {
    expect(resolveRoles({ scopes: ['app_scope'], assigned: null, username: 'boss', adminUsernames: ['boss'] })).toEqual(['admin']);
    expect(resolveRoles({ scopes: ['hostess_scope'], assigned: 'manager', username: 'boss', adminUsernames: ['x', 'boss'] })).toEqual(['hostess', 'manager', 'admin']);
    expect(resolveRoles({ scopes: [], assigned: 'support', username: 'bossy', adminUsernames: ['boss'] })).toEqual(['support']);
    expect(resolveRoles({ scopes: [], assigned: null, username: null, adminUsernames: ['boss'] })).toEqual([]);
    expect(resolveRoles({ scopes: ['other_scope', 'admin_scope'], assigned: null, adminUsernames: [] })).toEqual([]);
  });
});

describe('isRole', () => {
  it('accepts the four roles only', () => {
    for (const r of ['hostess', 'manager', 'support', 'admin']) expect(isRole(r)).toBe(true);
    for (const v of ['Admin', 'root', '', null, undefined, 3, ['admin']]) expect(isRole(v)).toBe(false);
    expect(ROLES).toEqual(['hostess', 'manager', 'support', 'admin']);
    expect(ROLE_LABELS).toEqual({ hostess: 'Hostess', manager: 'Manager', support: 'Support', admin: 'Admin' });
  });
});
