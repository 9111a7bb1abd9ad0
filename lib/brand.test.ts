import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from './errors';
import { NetcoreUploadError } from './vendors/netcore';
import { VendorError } from './vendors/http';

/** Simulates a copy of the class from another bundle: same brand, different prototype chain. */
function foreignCopy(brand: string, fields: Record<string, unknown>) {
  class Copy extends Error {}
  const error = new Copy('from another bundle');
  Object.assign(error, fields, { [Symbol.for(brand)]: true });
  return error;
}

describe('error classes across bundles', () => {
  it('recognises a VendorError made by another copy of the class', () => {
    const foreign = foreignCopy('storedesk.VendorError', { vendor: 'footprints', retryable: false, reason: 'nope' });
    expect(foreign instanceof VendorError).toBe(true);
    expect(new Error('plain') instanceof VendorError).toBe(false);
    expect({ vendor: 'footprints' } instanceof VendorError).toBe(false);
  });

  it('keeps subclass checks exact', () => {
    const base = new VendorError({ vendor: 'netcore', operation: 'x', status: 500, message: 'm', retryable: true, kind: 'http' });
    expect(base instanceof VendorError).toBe(true);
    expect(base instanceof NetcoreUploadError).toBe(false);
  });

  it('recognises the console\'s own typed errors the same way', () => {
    expect(foreignCopy('storedesk.ValidationError', {}) instanceof ValidationError).toBe(true);
    expect(foreignCopy('storedesk.ValidationError', {}) instanceof ConflictError).toBe(false);
    expect(new ConflictError('taken') instanceof ConflictError).toBe(true);
  });
});
