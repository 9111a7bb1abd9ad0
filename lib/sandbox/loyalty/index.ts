/**
 * Simulator of the ES Loyalty engine (docs/loyalty-send-activity.txt), written from the docs independently
 * of lib/vendors/loyalty. Mounted at /sandbox/loyalty:
 *   POST /oauth/token                                     OAuth 2.0 client credentials (RFC 6749 §4.4)
 *   POST /client/users/:correlation_id/activities/:activity_id   Send Activity (activity_id optional)
 *
 * Decisions where the docs are silent or vague:
 * - Token endpoint: the docs only say server-to-server calls use an OAuth 2.0 client-credentials bearer
 *   token. It accepts the client id/secret by HTTP Basic or as form fields (both RFC 6749 §2.3.1), answers
 *   `{access_token, token_type:"Bearer", expires_in}`, 401 `{"error":"invalid_client"}` for a bad client,
 *   400 `unsupported_grant_type` / `invalid_request` otherwise. Tokens live `tokenLifetimeSeconds` (3600).
 * - Send Activity errors are `{ statusCode, errorMessage, errorCode }` with the documented messages, checked
 *   in the table's order: business unit not valid, business unit disabled, LoyaltyId not associated (the
 *   seeded correlation id `LOY-FOREIGN-0001` plays a member of another account), ActivityID already
 *   exists, Channel not found (missing or blank), Action not found (not one of the three), When not found
 *   (missing or not an ISO date). A missing/invalid/expired bearer is 401 UNAUTHORIZED in the same shape.
 * - extendedData over 20 entries or 5 KB (as JSON, UTF-8) is refused with 400 INVALID_REQUEST (the docs say
 *   only that much "is accepted"; the message is the sandbox's).
 * - Points: each business unit has offers per action (seeded below). With a businessUnit, only that BU's
 *   offer counts; without one, every enabled BU's offer counts ("offers belonging to any BU").
 *   `earned` is `{ [BU]: { loyalty: { base, bonus, targeted, total } } }`, `type` is the action.
 */
import { randomUUID } from 'node:crypto';
import { SANDBOX_LOYALTY_BUSINESS_UNIT, SANDBOX_LOYALTY_CLIENT_ID, SANDBOX_LOYALTY_CLIENT_SECRET } from '../demo-staff';
import { json, type Simulator } from '../types';

export const LOYALTY_ACTIONS = ['SURVEY_RESPONSE', 'APP_DOWNLOAD', 'APP_CHECKIN'] as const;
export type LoyaltyAction = (typeof LOYALTY_ACTIONS)[number];

export interface LoyaltyPoints {
  base: number;
  bonus: number;
  targeted: number;
  total: number;
}

export interface LoyaltyBusinessUnit {
  name: string;
  enabled: boolean;
  /** Points per action this BU's offers award (bonus applies on the STORE channel only). */
  offers: Partial<Record<LoyaltyAction, { base: number; storeBonus: number; targeted: number }>>;
}

export interface LoyaltySandboxActivity {
  correlationId: string;
  activityId: string;
  action: LoyaltyAction;
  channel: string;
  businessUnit: string | null;
  note: string | null;
  when: string;
  extendedData: unknown[];
  earned: Record<string, { loyalty: LoyaltyPoints }>;
  receivedAt: string;
}

export interface LoyaltySandboxToken {
  accessToken: string;
  expiresAt: string;
}

export interface LoyaltySimulator extends Simulator {
  /** Every activity recorded since the last reset. */
  loyaltyActivities(): LoyaltySandboxActivity[];
  businessUnits(): LoyaltyBusinessUnit[];
  /** Tokens issued since the last reset. */
  issuedTokens(): LoyaltySandboxToken[];
  /** Makes every issued token expired (the next call with one is a 401). */
  expireTokens(): void;
  /** Lifetime (`expires_in`) of tokens issued from now on; back to 3600 on reset. */
  setTokenLifetimeSeconds(seconds: number): void;
}

/** The error body of Send Activity (docs: Error Responses table). */
export interface LoyaltyErrorBody {
  statusCode: number;
  errorMessage: string;
  errorCode: string;
}

/** A correlation id the sandbox treats as a member of another account. */
export const LOYALTY_FOREIGN_CORRELATION_ID = 'LOY-FOREIGN-0001';
export const LOYALTY_SANDBOX_BUSINESS_UNITS: readonly LoyaltyBusinessUnit[] = [
  {
    name: SANDBOX_LOYALTY_BUSINESS_UNIT,
    enabled: true,
    offers: {
      SURVEY_RESPONSE: { base: 50, storeBonus: 10, targeted: 20 },
      APP_DOWNLOAD: { base: 100, storeBonus: 0, targeted: 0 },
      APP_CHECKIN: { base: 10, storeBonus: 5, targeted: 0 },
    },
  },
  { name: 'STOREDESK_OUTLET', enabled: true, offers: { APP_CHECKIN: { base: 5, storeBonus: 0, targeted: 0 } } },
  { name: 'STOREDESK_LEGACY', enabled: false, offers: { APP_CHECKIN: { base: 1, storeBonus: 0, targeted: 0 } } },
];

const DEFAULT_TOKEN_LIFETIME = 3600;
const MAX_EXTENDED_ENTRIES = 20;
const MAX_EXTENDED_BYTES = 5 * 1024;

function fail(statusCode: number, errorMessage: string, errorCode = 'INVALID_REQUEST'): Response {
  const body: LoyaltyErrorBody = { statusCode, errorMessage, errorCode };
  return json(body, statusCode);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function createLoyaltySimulator(opts: { now?: () => Date } = {}): LoyaltySimulator {
  const now = opts.now ?? (() => new Date());
  let activities: LoyaltySandboxActivity[] = [];
  const tokens = new Map<string, number>();
  let tokenLifetime = DEFAULT_TOKEN_LIFETIME;

  async function token(req: Request): Promise<Response> {
    if (req.method !== 'POST') return json({ error: 'invalid_request', error_description: 'POST only' }, 405);
    const form = new URLSearchParams(await req.text());
    let clientId = form.get('client_id');
    let clientSecret = form.get('client_secret');
    const auth = req.headers.get('authorization') ?? '';
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(auth.trim());
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) {
        clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
        clientSecret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
      }
    }
    if (clientId !== SANDBOX_LOYALTY_CLIENT_ID || clientSecret !== SANDBOX_LOYALTY_CLIENT_SECRET) {
      return json({ error: 'invalid_client', error_description: 'Client authentication failed' }, 401, { 'www-authenticate': 'Basic realm="loyalty"' });
    }
    const grant = form.get('grant_type');
    if (!grant) return json({ error: 'invalid_request', error_description: 'grant_type is required' }, 400);
    if (grant !== 'client_credentials') return json({ error: 'unsupported_grant_type', error_description: 'only client_credentials' }, 400);
    const accessToken = `sbx-loyalty-${randomUUID()}`;
    tokens.set(accessToken, now().getTime() + tokenLifetime * 1000);
    return json({ access_token: accessToken, token_type: 'Bearer', expires_in: tokenLifetime }, 200, { 'cache-control': 'no-store' });
  }

  function pointsFor(bu: LoyaltyBusinessUnit, action: LoyaltyAction, channel: string): LoyaltyPoints | null {
    const offer = bu.offers[action];
    if (!offer) return null;
    const bonus = channel.toUpperCase() === 'STORE' ? offer.storeBonus : 0;
    return { base: offer.base, bonus, targeted: offer.targeted, total: offer.base + bonus + offer.targeted };
  }

  async function sendActivity(req: Request, correlationId: string, activityIdParam: string | undefined): Promise<Response> {
    if (req.method !== 'POST') return fail(405, 'Method Not Allowed', 'METHOD_NOT_ALLOWED');
    const bearer = /^Bearer\s+(\S+)$/i.exec((req.headers.get('authorization') ?? '').trim());
    const expiresAt = bearer ? tokens.get(bearer[1]) : undefined;
    if (expiresAt === undefined || expiresAt <= now().getTime()) return fail(401, 'Unauthorized', 'UNAUTHORIZED');

    let body: unknown;
    try {
      body = JSON.parse(await req.text());
    } catch {
      return fail(400, 'Request body must be JSON');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'Request body must be a JSON object');
    const b = body as Record<string, unknown>;

    const buName = typeof b.businessUnit === 'string' && b.businessUnit.trim() !== '' ? b.businessUnit.trim() : null;
    const bu = buName === null ? null : LOYALTY_SANDBOX_BUSINESS_UNITS.find((u) => u.name === buName);
    if (buName !== null && !bu) return fail(400, 'Provided business unit is not valid');
    if (bu && !bu.enabled) return fail(400, 'Provided businessUnit is disabled');
    if (correlationId === LOYALTY_FOREIGN_CORRELATION_ID) return fail(400, 'LoyaltyId specified is not associated with this Account');
    const activityId = activityIdParam ?? randomUUID();
    if (activities.some((a) => a.activityId === activityId)) return fail(400, 'ActivityID already exists');
    if (typeof b.channel !== 'string' || b.channel.trim() === '') return fail(400, 'Channel not found');
    if (typeof b.action !== 'string' || !(LOYALTY_ACTIONS as readonly string[]).includes(b.action)) return fail(400, 'Action not found');
    if (typeof b.when !== 'string' || !ISO_DATE.test(b.when) || Number.isNaN(Date.parse(b.when))) return fail(400, 'When not found');
    const extended = b.extendedData ?? [];
    if (!Array.isArray(extended)) return fail(400, 'extendedData must be an array');
    if (extended.length > MAX_EXTENDED_ENTRIES || Buffer.byteLength(JSON.stringify(extended), 'utf8') > MAX_EXTENDED_BYTES) {
      return fail(400, `extendedData accepts at most ${MAX_EXTENDED_ENTRIES} attributes and 5KB`);
    }

    const action = b.action as LoyaltyAction;
    const channel = b.channel;
    const earned: Record<string, { loyalty: LoyaltyPoints }> = {};
    const candidates = bu ? [bu] : LOYALTY_SANDBOX_BUSINESS_UNITS.filter((u) => u.enabled);
    for (const unit of candidates) {
      const points = pointsFor(unit, action, channel);
      if (points) earned[unit.name] = { loyalty: points };
    }
    activities.push({
      correlationId,
      activityId,
      action,
      channel,
      businessUnit: buName,
      note: typeof b.note === 'string' ? b.note : null,
      when: b.when,
      extendedData: structuredClone(extended),
      earned,
      receivedAt: now().toISOString(),
    });
    return json({ activityId, type: action, earned });
  }

  return {
    async handle(req, path) {
      const clean = path.replace(/\/+$/, '');
      if (clean === '/oauth/token') return token(req);
      const m = /^\/client\/users\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(clean);
      if (m) return sendActivity(req, m[1], m[2]);
      return fail(404, 'Not Found', 'NOT_FOUND');
    },
    reset() {
      // Back to the seed; tokens already issued stay valid (a connected client is not disconnected by a
      // trainer's reset, as with the Footprints simulator).
      activities = [];
      tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    },
    loyaltyActivities: () => structuredClone(activities),
    businessUnits: () => structuredClone([...LOYALTY_SANDBOX_BUSINESS_UNITS]),
    issuedTokens: () => [...tokens].map(([accessToken, exp]) => ({ accessToken, expiresAt: new Date(exp).toISOString() })),
    expireTokens() {
      for (const key of tokens.keys()) tokens.set(key, 0);
    },
    setTokenLifetimeSeconds(seconds: number) {
      tokenLifetime = seconds;
    },
  };
}
