/**
 * VendorError by shape, not by class. Next bundles server code more than once (instrumentation, route
 * handlers, actions), and the vendor clients are cached on globalThis by whichever bundle built them first
 * (lib/vendors/clients.ts), so an error thrown by a client may be another bundle's VendorError class:
 * `instanceof` fails and the action would show "Something went wrong" for a plain vendor refusal.
 * This re-creates it as this bundle's VendorError, so lib/auth/action.ts maps it to its staff message.
 */
import { VendorError } from '@/lib/vendors/http';

type VendorErrorInit = ConstructorParameters<typeof VendorError>[0];

export function asVendorError(error: unknown): VendorError | null {
  if (error instanceof VendorError) return error;
  if (!(error instanceof Error) || error.name !== 'VendorError') return null;
  const e = error as Error & Partial<Record<'vendor' | 'operation' | 'status' | 'vendorCode' | 'retryable' | 'kind' | 'reason', unknown>>;
  if (typeof e.status !== 'number' || typeof e.retryable !== 'boolean' || typeof e.vendor !== 'string') return null;
  return new VendorError({
    vendor: e.vendor as VendorErrorInit['vendor'],
    operation: typeof e.operation === 'string' ? e.operation : 'unknown',
    status: e.status,
    vendorCode: typeof e.vendorCode === 'string' ? e.vendorCode : undefined,
    retryable: e.retryable,
    kind: (typeof e.kind === 'string' ? e.kind : 'http') as VendorErrorInit['kind'],
    message: typeof e.reason === 'string' ? e.reason : e.message,
  });
}

/** Runs a use case and hands any vendor error back as this bundle's VendorError. */
export async function withLocalVendorErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asVendorError(error) ?? error;
  }
}
