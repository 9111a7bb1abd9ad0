/**
 * Demo staff known to the Footprints simulator's token endpoint. The README lists them; the console's
 * own role assignments for them are seeded separately (lib/auth/sandbox-roles.ts), as they would be
 * by an admin in production.
 */
export interface DemoHostess {
  pin: string;
  hostessId: string;
  name: string;
}
export interface DemoLogin {
  username: string;
  password: string;
  /** What the console's sandbox seed makes of them; the vendor itself knows nothing of console roles. */
  purpose: string;
}

export const DEMO_HOSTESSES: readonly DemoHostess[] = [
  { pin: '1234', hostessId: '5b30cb85e1267446c5784b75', name: 'Ioana Hostess' },
  { pin: '5678', hostessId: '5b30cb85e1267446c5784b76', name: 'Maria Hostess' },
];

/**
 * A hostess of one store (issue 12): Footprints lists her as a business user of Storedesk Cluj Iulius only,
 * and the sandbox seeds no store choice for her, so the console gives her that one store (preselected on capture).
 * Kept apart from DEMO_HOSTESSES, which allocate the seeded codes.
 */
export const DEMO_STORE_HOSTESS: DemoHostess & { locationIndex: number } = { pin: '2468', hostessId: '5b30cb85e1267446c5784b77', name: 'Elena Hostess', locationIndex: 1 };

/**
 * Trainee logins: any username `trainee-<letters, digits or ->` with the password `trainee-demo` signs in, and
 * Footprints knows nothing more of them (no business user). For setting people up before their first sign-in:
 * a journey uses a new username each run.
 */
export const TRAINEE_LOGIN = { pattern: /^trainee-[a-z0-9-]{1,40}$/, password: 'trainee-demo' } as const;

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'manager', password: 'manager-demo', purpose: 'manager' },
  { username: 'support', password: 'support-demo', purpose: 'support' },
  { username: 'admin', password: 'admin-demo', purpose: 'admin' },
  { username: 'newcomer', password: 'newcomer-demo', purpose: 'no role yet' },
];

/** The key:secret pair the simulator accepts on /api/token in sandbox mode. */
export const SANDBOX_FOOTPRINTS_KEY = 'sandbox-footprints-key';
export const SANDBOX_FOOTPRINTS_SECRET = 'sandbox-footprints-secret';
export const SANDBOX_NETCORE_API_KEY = 'sandbox-netcore-key';
export const SANDBOX_LOYALTY_CLIENT_ID = 'sandbox-loyalty-client';
export const SANDBOX_LOYALTY_CLIENT_SECRET = 'sandbox-loyalty-secret';
export const SANDBOX_LOYALTY_BUSINESS_UNIT = 'STOREDESK_RETAIL';
