import { describe, expect, it } from 'vitest';
import { homeFor, safeNextPath } from './home';
import { can, NAV_ITEMS } from './permissions';
import type { Role } from './roles';

describe('homeFor: each role lands on its main desk', () => {
  it.each([
    [['hostess'], '/capture'],
    [['manager'], '/leads'],
    [['support'], '/privacy'],
    [['admin'], '/admin/audit'],
    [['hostess', 'support'], '/privacy'],
    [['manager', 'admin'], '/admin/audit'],
    [[], '/'],
  ] as [Role[], string][])('%j → %s', (roles, home) => {
    expect(homeFor(roles)).toBe(home);
  });

  it('sends every role to a page its permissions open', () => {
    for (const role of ['hostess', 'manager', 'support', 'admin'] as Role[]) {
      const item = NAV_ITEMS.find((i) => i.href === homeFor([role]));
      expect(item, role).toBeDefined();
      expect(can([role], item!.permission)).toBe(true);
    }
  });
});

describe('safeNextPath: no open redirect after sign-in', () => {
  const ORIGIN = 'https://storedesk.example';
  it.each([
    '/\\evil.example',
    '//evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%09/evil.example',
    '/\t/evil.example',
    'https://evil.example',
    'http://evil.example/leads',
    '\\\\evil.example',
    '/%2F%2Fevil.example',
    '///evil.example',
    'javascript:alert(1)',
    'data:text/html,hi',
    '/login',
    '',
  ])('refuses %j', (value) => {
    expect(safeNextPath(value, ORIGIN)).toBeNull();
  });

  it('keeps a path on the console, with its query', () => {
    expect(safeNextPath('/leads/42?tab=documents', ORIGIN)).toBe('/leads/42?tab=documents');
    expect(safeNextPath('https://storedesk.example/privacy', ORIGIN)).toBe('/privacy');
  });
});
