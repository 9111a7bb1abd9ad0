/**
 * Typed client of the three Netcore operations the console uses (docs/netcore-*.txt):
 * offline activity upload, contact add (sync) and the GDPR channel-activity export.
 *
 * The apikey of apiv2 travels in the URL (the docs leave no other way), so it is passed to every request
 * as a secret (VendorError scrubs it) and registered with the logger; lib/redact also blanks `apikey=`.
 * Personal data sent to Netcore (contact e-mail/mobile, the export's primary key) is scrubbed the same way.
 */
import 'server-only';
import { z } from 'zod';
import { log, registerSecret } from '@/lib/log';
import { readActivityDate, type ActivityDate } from './activity-date';
import { checkActivityWindow, todayDdmmyyyy } from './window-rule';
import { redactUrl } from '@/lib/redact';
import { VendorError, joinUrl, vendorRequest, type VendorBody } from '@/lib/vendors/http';
import {
  ApiErrorSchema,
  ChannelActivitySuccessSchema,
  ContactAddSuccessSchema,
  UploadErrorSchema,
  UploadSuccessSchema,
  type UploadFailure,
} from './schemas';

/** The docs' bulk limit: "upload activities in bulk (Max: 1000) at a time". */
export const NETCORE_MAX_ACTIVITIES_PER_REQUEST = 1000;

export interface NetcoreClientOptions {
  /** Ends in `/apiv2`, e.g. https://api.netcoresmartech.com/apiv2 (trailing slash tolerated). */
  apiBaseUrl: string;
  /** Host root to which `/v1/activity/upload` is appended (a path prefix is kept). */
  activityBaseUrl: string;
  apiKey: string;
  /** website_id / app_id that uploaded activities are mapped to. */
  assetId: string;
  /** Default list for addContactSync. */
  listId?: string | number;
  timeoutMs: number;
  /**
   * The account's / store's IANA time zone: channel-activity dates are wall-clock times there, and
   * "today" for the window rule is its calendar date. Defaults to UTC.
   */
  timeZone?: string;
  /** Today as DDMMYYYY (overrides the date derived from `timeZone`; tests pin it). */
  today?: () => string;
  fetchImpl?: typeof fetch;
}

export type NetcoreParamValue = string | number | boolean | null;
export type NetcoreProduct = Readonly<Record<string, string | number>>;

export interface NetcoreActivity {
  /** activity_name, e.g. "Purchase", "Store Visit". */
  activityName: string;
  /** The contact's primary key (email / mobile / customer id). Required unless `annonid` is given. */
  identity?: string | number;
  /** Anonymous contact id; used when there is no identity. */
  annonid?: string;
  /** When it happened; a Date is sent as ISO-8601 UTC. A string must already be ISO-8601. */
  timestamp: Date | string;
  /** "web", "app" or any other system, e.g. "STORE". */
  activitySource?: string;
  /** activity_params (flat values). */
  params?: Readonly<Record<string, NetcoreParamValue>>;
  /** activity_params.product; an empty list is not sent (the docs: "Do Not Pass an Empty Array"). */
  products?: readonly NetcoreProduct[];
  /** Overrides the client's assetId. */
  assetId?: string;
}

export interface UploadBatchResult {
  /** 0-based batch number. */
  batch: number;
  size: number;
  successCount: number;
  failedCount: number;
  failures: UploadFailure[];
}

export interface UploadActivitiesResult {
  batches: UploadBatchResult[];
  successCount: number;
  failedCount: number;
}

/** A batch failed after earlier batches were accepted: those are not to be sent again. */
export class NetcoreUploadError extends VendorError {
  readonly acceptedBatches: readonly UploadBatchResult[];
  readonly failedBatch: number;
  readonly cause: VendorError;

  constructor(cause: VendorError, failedBatch: number, totalBatches: number, acceptedBatches: readonly UploadBatchResult[]) {
    super({
      vendor: 'netcore',
      operation: cause.operation,
      status: cause.status,
      vendorCode: cause.vendorCode,
      retryable: cause.retryable,
      kind: cause.kind,
      message: `batch ${failedBatch + 1} of ${totalBatches} refused (${acceptedBatches.length} accepted before it): ${cause.reason}`,
    });
    this.name = 'NetcoreUploadError';
    this.acceptedBatches = acceptedBatches;
    this.failedBatch = failedBatch;
    this.cause = cause;
  }
}

export interface NetcoreContactData {
  EMAIL?: string;
  MOBILE?: string | number;
  NAME?: string;
  [attribute: string]: string | number | boolean | null | undefined;
}

export interface AddContactInput {
  data: NetcoreContactData;
  listId?: string | number;
}

export interface AddContactResult {
  requestId: string;
}

export type NetcoreChannel = 'email' | 'sms';

export interface ChannelActivityQuery {
  /** The data subject's primary key at Netcore (EMAIL). */
  primaryKey: string;
  channel: NetcoreChannel;
  /** DDMMYYYY */
  fromDate: string;
  /** DDMMYYYY */
  toDate: string;
}

export interface ChannelActivityEntry {
  /** sent, delivered, open, click, bounce, … as Netcore names it. */
  activity: string;
  messageId: string | null;
  messageName: string | null;
  /** `23 Jul 2018 @3:33pm` as sent, and the instant it means in the client's time zone. */
  activityDate: ActivityDate;
  ip?: string;
  link?: string;
  device?: string;
  os?: string;
  browser?: string;
}

export interface ChannelActivityResult {
  channel: string;
  /** DDMMYYYY, as Netcore echoed them. */
  fromDate: string;
  toDate: string;
  activities: ChannelActivityEntry[];
}

export interface NetcoreClient {
  uploadActivities(activities: readonly NetcoreActivity[]): Promise<UploadActivitiesResult>;
  addContactSync(input: AddContactInput): Promise<AddContactResult>;
  getUserChannelActivity(query: ChannelActivityQuery): Promise<ChannelActivityResult>;
}

/** Netcore echoes the duplicate key back (`Duplicate entry 'ana@…' for key 'uniqid'`): never keep it. */
function scrubVendorDetails(text: string): string {
  return text.replace(/(Duplicate entry\s+)'[^']*'/gi, "$1'[redacted]'");
}

function describeNetcoreError(_status: number, body: unknown): { vendorCode?: string; message?: string } | undefined {
  const api = ApiErrorSchema.safeParse(body);
  if (api.success && (api.data.error_code !== undefined || api.data.details !== undefined)) {
    const message = api.data.details ?? api.data.message;
    return {
      vendorCode: api.data.error_code === undefined ? undefined : String(api.data.error_code),
      message: message === undefined ? undefined : scrubVendorDetails(message),
    };
  }
  const upload = UploadErrorSchema.safeParse(body);
  if (upload.success && (upload.data.error || upload.data.message)) {
    return {
      vendorCode: upload.data.code === undefined ? undefined : String(upload.data.code),
      message: scrubVendorDetails(upload.data.error ?? upload.data.message ?? ''),
    };
  }
  return undefined;
}

/**
 * apiv2 may answer HTTP 200 with `{"status":"error","error_code":302,…}` (the docs' "302 ERROR" is a body,
 * not a redirect). Such an answer is the vendor's decision on this request, so it is never retryable: the
 * VendorError carries the HTTP status actually received (200) and the vendor's code.
 */
function detectApiErrorInSuccess(body: unknown): { status: number; vendorCode?: string; message: string } | undefined {
  if (!ApiErrorSchema.safeParse(body).success) return undefined;
  const described = describeNetcoreError(200, body);
  return { status: 200, vendorCode: described?.vendorCode, message: described?.message ?? 'error' };
}

function secretsOf(...values: readonly (string | number | null | undefined)[]): string[] {
  return values.filter((v): v is string | number => v !== undefined && v !== null).map(String).filter((v) => v.length >= 4);
}

function invalidRequest(operation: string, message: string, secrets: readonly string[]): VendorError {
  return new VendorError({ vendor: 'netcore', operation, status: 0, kind: 'invalid_request', retryable: false, message }, secrets);
}

/** `${apiBaseUrl}?type=…&activity=…&apikey=…`, whatever the configured root looks like. */
function apiUrl(apiBaseUrl: string, type: string, activity: string, apiKey: string): string {
  const url = new URL(apiBaseUrl);
  url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  url.searchParams.set('type', type);
  url.searchParams.set('activity', activity);
  url.searchParams.set('apikey', apiKey);
  return url.toString();
}

function encodeActivity(a: NetcoreActivity, defaultAssetId: string): Record<string, unknown> {
  const timestamp = a.timestamp instanceof Date ? a.timestamp.toISOString() : a.timestamp;
  const params: Record<string, unknown> = { ...(a.params ?? {}) };
  // Never an empty array: Netcore silently drops such events.
  delete params.product;
  if (a.products && a.products.length > 0) params.product = a.products.map((p) => ({ ...p }));
  const out: Record<string, unknown> = {
    asset_id: a.assetId ?? defaultAssetId,
    activity_name: a.activityName,
    timestamp,
  };
  if (a.identity !== undefined && a.identity !== '') out.identity = a.identity;
  if (a.annonid) out.annonid = a.annonid;
  if (a.activitySource) out.activity_source = a.activitySource;
  out.activity_params = params;
  return out;
}

export function createNetcoreClient(options: NetcoreClientOptions): NetcoreClient {
  const { apiKey, timeoutMs, fetchImpl } = options;
  const timeZone = options.timeZone ?? 'UTC';
  const today = options.today ?? (() => todayDdmmyyyy(timeZone));
  registerSecret(apiKey);

  async function call<T>(operation: string, url: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      log('debug', 'vendor.netcore.ok', { operation, url: redactUrl(url) });
      return result;
    } catch (error) {
      if (error instanceof VendorError) {
        log('warn', 'vendor.netcore.failed', { operation, url: redactUrl(url), error: error.toJSON() });
      }
      throw error;
    }
  }

  // NOT safe to repeat, and not checkable: the docs give an activity no id Netcore would deduplicate on, and no
  // call reads offline activities back. After a lost answer (delivery 'ambiguous') the outbox sends the batch
  // again: at least once, by decision — an activity counted twice in a marketing report does less harm than a
  // capture or a redemption missing from it. Refusals and not-received failures are never duplicates.
  async function uploadActivities(activities: readonly NetcoreActivity[]): Promise<UploadActivitiesResult> {
    const operation = 'uploadActivities';
    const secrets = secretsOf(apiKey);
    activities.forEach((a, i) => {
      if ((a.identity === undefined || a.identity === '') && !a.annonid) {
        throw invalidRequest(operation, `activity ${i + 1} has neither identity nor annonid`, secrets);
      }
      const ts = a.timestamp instanceof Date ? a.timestamp.getTime() : Date.parse(a.timestamp);
      if (Number.isNaN(ts)) throw invalidRequest(operation, `activity ${i + 1} has no valid ISO-8601 timestamp`, secrets);
    });
    const url = joinUrl(options.activityBaseUrl, '/v1/activity/upload');
    const batches: UploadBatchResult[] = [];
    const total = Math.ceil(activities.length / NETCORE_MAX_ACTIVITIES_PER_REQUEST);
    for (let b = 0; b < total; b++) {
      const slice = activities.slice(b * NETCORE_MAX_ACTIVITIES_PER_REQUEST, (b + 1) * NETCORE_MAX_ACTIVITIES_PER_REQUEST);
      const encoded = slice.map((a) => encodeActivity(a, options.assetId));
      // One activity goes as the single-object form the docs show first; more as the bulk array.
      const body: VendorBody = { kind: 'json', value: encoded.length === 1 ? encoded[0] : encoded };
      const identities = slice.flatMap((a) => secretsOf(a.identity, a.annonid));
      let answer: z.infer<typeof UploadSuccessSchema>;
      try {
        answer = await call(operation, url, () =>
          vendorRequest({
            vendor: 'netcore',
            operation,
            method: 'POST',
            url,
            headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
            body,
            schema: UploadSuccessSchema,
            timeoutMs,
            secrets: [...secrets, ...identities],
            describeError: describeNetcoreError,
            detectErrorInSuccess: (raw) => {
              const parsed = UploadErrorSchema.safeParse(raw);
              if (parsed.success && parsed.data.status && /^(error|fail)/i.test(parsed.data.status)) {
                const described = describeNetcoreError(200, raw);
                return { status: 200, vendorCode: described?.vendorCode, message: described?.message ?? 'error' };
              }
              return undefined;
            },
            fetchImpl,
          }),
        );
      } catch (error) {
        if (error instanceof VendorError && total > 1) throw new NetcoreUploadError(error, b, total, [...batches]);
        throw error;
      }
      const failed = answer.failed_count ?? { count: 0, failures: [] };
      batches.push({
        batch: b,
        size: slice.length,
        successCount: answer.success_count,
        failedCount: failed.count,
        failures: failed.failures,
      });
    }
    return {
      batches,
      successCount: batches.reduce((n, x) => n + x.successCount, 0),
      failedCount: batches.reduce((n, x) => n + x.failedCount, 0),
    };
  }

  // Safe to repeat: EMAIL is the contact's primary key; a repeat after a lost answer gets the documented 302
  // "Duplicate entry … for key 'uniqid'", which the capture follow-up reads as done (lib/capture/delivery.ts).
  async function addContactSync(input: AddContactInput): Promise<AddContactResult> {
    const operation = 'addContactSync';
    const data: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(input.data)) if (v !== undefined) data[k] = v;
    const secrets = secretsOf(apiKey, input.data.EMAIL, input.data.MOBILE);
    if (Object.keys(data).length === 0) throw invalidRequest(operation, 'contact data is empty', secrets);
    const url = apiUrl(options.apiBaseUrl, 'contact', 'addsync', apiKey);
    // The docs' header table: application/x-www-form-urlencoded, data and listid as body parameters.
    const params = new URLSearchParams({ data: JSON.stringify(data) });
    const listId = input.listId ?? options.listId;
    if (listId !== undefined && listId !== '') params.set('listid', String(listId));
    const answer = await call(operation, url, () =>
      vendorRequest({
        vendor: 'netcore',
        operation,
        method: 'POST',
        url,
        body: { kind: 'form', params },
        schema: ContactAddSuccessSchema,
        timeoutMs,
        secrets,
        describeError: describeNetcoreError,
        detectErrorInSuccess: detectApiErrorInSuccess,
        fetchImpl,
      }),
    );
    return { requestId: answer.requestid };
  }

  async function getUserChannelActivity(query: ChannelActivityQuery): Promise<ChannelActivityResult> {
    const operation = 'getUserChannelActivity';
    const secrets = secretsOf(apiKey, query.primaryKey);
    // The one window rule, before any network call: no crafted call can ask for more than seven days.
    const check = checkActivityWindow({ fromDate: query.fromDate, toDate: query.toDate, today: today() });
    if (!check.ok) throw invalidRequest(operation, check.message, secrets);
    if (query.channel !== 'email' && query.channel !== 'sms') throw invalidRequest(operation, 'channel must be email or sms', secrets);
    if (!query.primaryKey.trim()) throw invalidRequest(operation, 'primary key is empty', secrets);
    const url = apiUrl(options.apiBaseUrl, 'export_data', 'get_user_channel_activity_data', apiKey);
    /*
     * Body form. The docs' curl sends `Content-Type: application/json` with a form body `data={…}`, which is
     * neither valid JSON nor a declared form. We send the most conservative form the docs show: the form
     * field `data=<json>` declared as application/x-www-form-urlencoded — the Request Sample's `data={…}`,
     * the content type the sibling apiv2 call (contact addsync) documents, and what any form-reading server
     * decodes. type/activity/apikey stay in the query string, as the documented Base URL and curl put them.
     */
    const params = new URLSearchParams({
      data: JSON.stringify({ primary_key: query.primaryKey, channel: query.channel, from_date: check.fromDate, to_date: check.toDate }),
    });
    const answer = await call(operation, url, () =>
      vendorRequest({
        vendor: 'netcore',
        operation,
        method: 'POST',
        url,
        body: { kind: 'form', params },
        schema: ChannelActivitySuccessSchema,
        timeoutMs,
        secrets,
        describeError: describeNetcoreError,
        detectErrorInSuccess: detectApiErrorInSuccess,
        fetchImpl,
      }),
    );
    return {
      channel: answer.result.channel,
      fromDate: answer.result.from_date,
      toDate: answer.result.to_date,
      activities: answer.result.channel_activity.map((e) => ({
        activity: e.activity,
        messageId: e.message_id === undefined ? null : String(e.message_id),
        messageName: e.msg_name ?? null,
        activityDate: readActivityDate(e.activity_date, timeZone),
        ...(e.ip !== undefined ? { ip: e.ip } : {}),
        ...(e.link !== undefined ? { link: e.link } : {}),
        ...(e.device !== undefined ? { device: e.device } : {}),
        ...(e.os !== undefined ? { os: e.os } : {}),
        ...(e.browser !== undefined ? { browser: e.browser } : {}),
      })),
    };
  }

  return { uploadActivities, addContactSync, getUserChannelActivity };
}
