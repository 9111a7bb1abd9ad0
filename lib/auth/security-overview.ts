/** What the admin's security page shows: sign-in lockouts, how the vendors answer this instance, insecure settings. */
import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { vendorObservations, type VendorObservation } from '@/lib/vendors/observe';
import { listLockouts, type Lockout } from './throttle';

export interface SecurityOverview {
  lockouts: Lockout[];
  vendors: VendorObservation[];
  insecureHttp: boolean;
  sandbox: boolean;
}

export async function getSecurityOverview(): Promise<SecurityOverview> {
  const config = getConfig();
  return {
    lockouts: await listLockouts(await getDb()),
    vendors: vendorObservations(),
    insecureHttp: config.insecureHttp,
    sandbox: config.sandbox,
  };
}
