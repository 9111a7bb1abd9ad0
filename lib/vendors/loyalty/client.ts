/**
 * Typed client of the ES Loyalty engine's Send Activity (docs/loyalty-send-activity.txt), authenticated
 * with an OAuth 2.0 client-credentials bearer token (the vendor's public docs for server-to-server calls).
 *
 * Token: POST tokenUrl, form `grant_type=client_credentials`, the client id and secret in HTTP Basic
 * (RFC 6749 §2.3.1: each form-urlencoded, then base64). Basic is the method every authorization server
 * must support (the body-parameter form is only a MAY), so it is the conservative choice. The token is
 * fetched lazily, shared by concurrent callers (one fetch in flight), cached until shortly before it
 * expires, and on a 401 from the API it is fetched again once and the call retried once.
 */
import 'server-only';
import { log, registerSecret } from '@/lib/log';
import { VendorError, joinUrl, vendorRequest } from '@/lib/vendors/http';
import {
  LoyaltyErrorSchema,
  OAuthErrorSchema,
  SendActivityResponseSchema,
  TokenResponseSchema,
  type LoyaltyPointsWire,
} from './schemas';

export const LOYALTY_ACTIONS = ['SURVEY_RESPONSE', 'APP_DOWNLOAD', 'APP_CHECKIN'] as const;
export type LoyaltyAction = (typeof LOYALTY_ACTIONS)[number];

/** The docs' limits on extendedData: "only up to 20 attributes with a max. size of 5KB". */
export const LOYALTY_MAX_EXTENDED_ENTRIES = 20;
export const LOYALTY_MAX_EXTENDED_BYTES = 5 * 1024;

/** When the token answer has no expires_in, the token is trusted this long (then simply fetched again). */
const DEFAULT_TOKEN_LIFETIME_S = 300;
/** A token is renewed this long before it expires (at most a tenth of its lifetime). */
const TOKEN_RENEW_MARGIN_MS = 60_000;

export interface LoyaltyClientOptions {
  /** Root to which `/client/users/…` is appended (a path prefix is kept; trailing slash tolerated). */
  baseUrl: string;
  /** The full OAuth token URL. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Default business unit for sendActivity. */
  businessUnit?: string;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
  /** Clock for token expiry (tests). */
  now?: () => number;
}

export interface ExtendedDataEntry {
  name: string;
  value: string;
}

export interface SendActivityInput {
  /** The session / member the activity belongs to (URL :correlation_id). */
  correlationId: string;
  /** Unique per activity; reusing it on a retry makes the call idempotent (URL :activity_id). */
  activityId: string;
  action: LoyaltyAction;
  /** "APP", "STORE", "POS", "PARTNER", "WEBSITE" or a custom value; never blank. */
  channel: string;
  /** Overrides the client's default business unit. */
  businessUnit?: string;
  note?: string;
  /** When it happened; a Date is sent as ISO-8601. */
  when: Date | string;
  extendedData?: readonly ExtendedDataEntry[];
}

export interface LoyaltyPoints {
  base: number;
  bonus: number;
  targeted: number;
  total: number;
}

export interface SendActivityResult {
  activityId: string;
  type: string;
  /** Points per business unit (the docs' `earned.XYZ.loyalty`); other reward types are not kept. */
  earned: Record<string, { loyalty?: LoyaltyPoints }>;
}

export interface LoyaltyClient {
  sendActivity(input: SendActivityInput): Promise<SendActivityResult>;
}

/** Sums the loyalty points earned across every business unit of an answer. */
export function sumEarnedPoints(earned: SendActivityResult['earned']): LoyaltyPoints {
  const sum: LoyaltyPoints = { base: 0, bonus: 0, targeted: 0, total: 0 };
  for (const unit of Object.values(earned)) {
    if (!unit.loyalty) continue;
    sum.base += unit.loyalty.base;
    sum.bonus += unit.loyalty.bonus;
    sum.targeted += unit.loyalty.targeted;
    sum.total += unit.loyalty.total;
  }
  return sum;
}

/** The vendor already holds an activity with this id: for a retry of ours, the earlier call went through. */
export function isActivityAlreadyRecorded(error: unknown): boolean {
  return error instanceof VendorError && error.vendor === 'loyalty' && error.status === 400 && /ActivityID already exists/i.test(error.reason);
}

function describeLoyaltyError(_status: number, body: unknown): { vendorCode?: string; message?: string } | undefined {
  const api = LoyaltyErrorSchema.safeParse(body);
  if (api.success) return { vendorCode: api.data.errorCode, message: api.data.errorMessage };
  const oauth = OAuthErrorSchema.safeParse(body);
  if (oauth.success) return { vendorCode: oauth.data.error, message: oauth.data.error_description ?? oauth.data.error };
  return undefined;
}

const toPoints = (p: LoyaltyPointsWire): LoyaltyPoints => ({ base: p.base, bonus: p.bonus, targeted: p.targeted, total: p.total });

export function createLoyaltyClient(options: LoyaltyClientOptions): LoyaltyClient {
  const { clientId, clientSecret, timeoutMs, fetchImpl } = options;
  const now = options.now ?? Date.now;
  registerSecret(clientSecret);
  registerSecret(clientId);

  let cached: { token: string; renewAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    const answer = await vendorRequest({
      vendor: 'loyalty',
      operation: 'token',
      method: 'POST',
      url: options.tokenUrl,
      headers: { Authorization: `Basic ${basic}` },
      body: { kind: 'form', params: new URLSearchParams({ grant_type: 'client_credentials' }) },
      schema: TokenResponseSchema,
      timeoutMs,
      secrets: [clientId, clientSecret, basic],
      describeError: describeLoyaltyError,
      fetchImpl,
    });
    registerSecret(answer.access_token, 'token');
    const lifetimeMs = (answer.expires_in ?? DEFAULT_TOKEN_LIFETIME_S) * 1000;
    cached = { token: answer.access_token, renewAt: now() + lifetimeMs - Math.min(TOKEN_RENEW_MARGIN_MS, lifetimeMs / 10) };
    return answer.access_token;
  }

  function getToken(): Promise<string> {
    if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
    if (!inFlight) {
      inFlight = fetchToken().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  }

  function dropToken(token: string): void {
    if (cached?.token === token) cached = null;
  }

  // Safe to repeat: idempotent on activity_id (the docs: "ActivityID already exists" for a second request with
  // the same id). The id is fixed when the job is queued, so a retry after a lost answer never awards twice.
  async function sendActivity(input: SendActivityInput): Promise<SendActivityResult> {
    const operation = 'sendActivity';
    const personal = [input.correlationId].filter((v) => v.length >= 4);
    const refuse = (message: string) =>
      new VendorError({ vendor: 'loyalty', operation, status: 0, kind: 'invalid_request', retryable: false, message }, personal);
    if (!input.correlationId.trim()) throw refuse('correlation id is empty');
    if (!input.activityId.trim()) throw refuse('activity id is empty');
    const extended = input.extendedData ?? [];
    if (extended.length > LOYALTY_MAX_EXTENDED_ENTRIES) {
      throw refuse(`extendedData has ${extended.length} entries; the loyalty engine accepts at most ${LOYALTY_MAX_EXTENDED_ENTRIES}`);
    }
    const extendedJson = JSON.stringify(extended.map((e) => ({ name: e.name, value: e.value })));
    if (Buffer.byteLength(extendedJson, 'utf8') > LOYALTY_MAX_EXTENDED_BYTES) {
      throw refuse('extendedData is larger than the 5 KB the loyalty engine accepts');
    }
    const when = input.when instanceof Date ? input.when : null;
    if (when && Number.isNaN(when.getTime())) throw refuse('when is not a valid date');

    const body: Record<string, unknown> = {
      action: input.action,
      channel: input.channel,
      when: when ? when.toISOString() : input.when,
    };
    const businessUnit = input.businessUnit ?? options.businessUnit;
    if (businessUnit) body.businessUnit = businessUnit;
    if (input.note !== undefined) body.note = input.note;
    if (extended.length > 0) body.extendedData = JSON.parse(extendedJson) as unknown;

    const url = joinUrl(
      options.baseUrl,
      `/client/users/${encodeURIComponent(input.correlationId)}/activities/${encodeURIComponent(input.activityId)}`,
    );
    const attempt = (token: string) =>
      vendorRequest({
        vendor: 'loyalty',
        operation,
        method: 'POST',
        url,
        headers: { Authorization: `Bearer ${token}` },
        body: { kind: 'json', value: body },
        schema: SendActivityResponseSchema,
        timeoutMs,
        secrets: [token, clientSecret, ...personal],
        describeError: describeLoyaltyError,
        fetchImpl,
      });

    try {
      const token = await getToken();
      const answer = await attempt(token).catch(async (error: unknown) => {
        if (!(error instanceof VendorError) || error.status !== 401) throw error;
        // The token was revoked or expired early: fetch a new one once and retry once.
        dropToken(token);
        return attempt(await getToken());
      });
      const earned: SendActivityResult['earned'] = {};
      for (const [unit, reward] of Object.entries(answer.earned)) {
        earned[unit] = reward.loyalty ? { loyalty: toPoints(reward.loyalty) } : {};
      }
      return { activityId: answer.activityId, type: answer.type, earned };
    } catch (error) {
      if (error instanceof VendorError) log('warn', 'vendor.loyalty.failed', { operation: error.operation, error: error.toJSON() });
      throw error;
    }
  }

  return { sendActivity };
}
