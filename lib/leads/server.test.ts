import { describe, expect, it } from 'vitest';
import { VendorError } from '@/lib/vendors/http';
import { asLocalVendorError } from './server';

describe('VendorErrors from another bundle layer', () => {
  it('are rebuilt as this layer’s VendorError with the same fields, so staff see the vendor’s reason', () => {
    // What a VendorError built by another copy of lib/vendors/http looks like here: same shape, other class.
    const foreign = Object.assign(new Error('footprints updateLead failed (400): sandbox fault'), {
      name: 'VendorError',
      vendor: 'footprints',
      operation: 'updateLead',
      status: 400,
      retryable: false,
      kind: 'http',
      reason: 'sandbox fault: HTTP 400',
    });
    expect(foreign).not.toBeInstanceOf(VendorError);
    const local = asLocalVendorError(foreign);
    expect(local).toBeInstanceOf(VendorError);
    expect(local).toMatchObject({ vendor: 'footprints', operation: 'updateLead', status: 400, retryable: false, reason: 'sandbox fault: HTTP 400' });
  });
  it('leaves other errors alone', () => {
    const plain = new Error('boom');
    expect(asLocalVendorError(plain)).toBe(plain);
  });
});
