import { describe, expect, it } from 'vitest';
import { can, NAV_ITEMS, navFor, PERMISSIONS, type Permission } from './permissions';
import { resolveRoles, ROLES } from './roles';

describe('the permission table', () => {
  it('gives each role exactly the permissions listed for it', () => {
    for (const [permission, allowed] of Object.entries(PERMISSIONS) as [Permission, readonly string[]][]) {
      for (const role of ROLES) expect(can([role], permission), `${role} ${permission}`).toBe(allowed.includes(role));
      expect(can([], permission)).toBe(false);
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
    expect(navFor([])).toEqual([]);
    expect(navFor(['manager']).map((n) => n.href)).toContain('/insights');
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
  it('makes ADMIN_USERNAMES admins', () => {
    expect(resolveRoles({ scopes: ['app_scope'], assigned: null, username: 'boss', adminUsernames: ['boss'] })).toEqual(['admin']);
  });
});
