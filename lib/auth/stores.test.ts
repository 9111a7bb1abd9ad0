import { describe, expect, it } from 'vitest';
import { ALL_STORES, NO_STORES, inScope, matchBusinessUser, resolveStoreScope, scopeFromRow, scopeToRow, storesOf } from './stores';

const users = [
  { id: 'u1', email: 'laura.petrescu@chain.example', locationIds: ['L1', 'L4'] },
  { id: 'u2', email: 'Cosmin.Vasile@chain.example', locationIds: ['L2'] },
  { id: 'u3', email: 'cosmin.vasile@other.example', locationIds: ['L3'] },
  { id: 'h1', email: null, locationIds: ['L5'] },
];

describe('store scopes', () => {
  it('a record is in scope when its location is one of the stores; a record without a location only for all stores', () => {
    expect(inScope(ALL_STORES, 'L1')).toBe(true);
    expect(inScope(ALL_STORES, null)).toBe(true);
    expect(inScope(storesOf(['L1']), 'L1')).toBe(true);
    expect(inScope(storesOf(['L1']), 'L2')).toBe(false);
    expect(inScope(storesOf(['L1']), null)).toBe(false);
    expect(inScope(NO_STORES, 'L1')).toBe(false);
  });

  it('admins are all stores whatever else; an override wins over Footprints; unknown people get no store', () => {
    expect(resolveStoreScope({ roles: ['admin'], override: storesOf(['L1']), footprints: ['L2'] })).toEqual(ALL_STORES);
    expect(resolveStoreScope({ roles: ['manager'], override: storesOf(['L1']), footprints: ['L2'] })).toEqual(storesOf(['L1']));
    expect(resolveStoreScope({ roles: ['manager'], override: null, footprints: ['L2', 'L2'] })).toEqual({ all: false, locationIds: ['L2'] });
    expect(resolveStoreScope({ roles: ['manager'], override: null, footprints: null })).toEqual(NO_STORES);
  });

  it('matches a business user by the hostess id, the exact e-mail, or an unambiguous local part', () => {
    expect(matchBusinessUser(users, { hostessId: 'h1' })?.id).toBe('h1');
    expect(matchBusinessUser(users, { hostessId: 'nobody', username: 'laura.petrescu' })).toBeNull();
    expect(matchBusinessUser(users, { username: 'LAURA.PETRESCU@chain.example' })?.id).toBe('u1');
    expect(matchBusinessUser(users, { username: 'laura.petrescu' })?.id).toBe('u1');
    // Two users share the local part: no guess.
    expect(matchBusinessUser(users, { username: 'cosmin.vasile' })).toBeNull();
    expect(matchBusinessUser(users, { username: 'cosmin.vasile@other.example' })?.id).toBe('u3');
    expect(matchBusinessUser(users, { username: 'someone@else.example' })).toBeNull();
    expect(matchBusinessUser(users, { username: '' })).toBeNull();
  });

  it('round-trips through its stored form', () => {
    for (const scope of [ALL_STORES, NO_STORES, storesOf(['L2', 'L1'])]) expect(scopeFromRow(scopeToRow(scope))).toEqual(scope);
    expect(scopeFromRow(null)).toEqual(NO_STORES);
    expect(scopeFromRow({ allStores: false, locationIds: 'L1' })).toEqual(NO_STORES);
  });
});
