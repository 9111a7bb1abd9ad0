/**
 * Simulator of Netcore's `apiv2` endpoint (mounted at /sandbox/netcore-api, so the path is `/apiv2`),
 * written from docs/netcore-add-contact-sync.txt and netcore-user-channel-activity.txt, independently of
 * lib/vendors/netcore (shares no schema, encoder or date rule with it).
 *
 * Decisions where the docs are vague (the sandbox accepts every form the docs show):
 * - Errors of the business kind are answered in-band with HTTP 200 and
 *   `{"status":"error","error_code":<n>,"details":"…"}`: the contact-sync doc lists "Response 1: 200 OK" and
 *   "Response 2: 302 ERROR" side by side, and 302 is the body's error_code, not an HTTP redirect (an HTTP
 *   302 without Location is not an error to an HTTP client, and with one it would be followed).
 *   Only a missing or wrong apikey is an HTTP 401 (same body shape, error_code 401).
 * - `type`, `activity`, `apikey`, `data`, `listid` are read from the query string or the body: the
 *   addsync "Request URL" carries data and listid in the query, the channel-activity table lists type,
 *   activity and apikey as body parameters. The body may be form-urlencoded (`data=<json>`), the curl's
 *   JSON content type with a form body (`data={…}`), or a raw JSON object that is the data itself.
 * - addsync: EMAIL is the primary key ("Here EMAIL is the primary key of contact"); compared
 *   case-insensitively; a second addsync with the same EMAIL is the documented 302 duplicate.
 * - Channel activity: the data keys are `primary_key`, `channel`, `from_date`/`fromdate`,
 *   `to_date`/`todate` (the table says `fromdate`, the sample says `from_date`). The primary key may be
 *   the contact's EMAIL or MOBILE. The seven days are read strictly: both ends count (to − from ≤ 6 days),
 *   so a client that reads them as exclusive is caught here. The docs say nothing about future dates, so
 *   they are not refused (they simply hold no activity).
 */
import { DEMO_PEOPLE } from '../demo-people';
import { SANDBOX_NETCORE_API_KEY } from '../demo-staff';
import { json, type Simulator } from '../types';
import {
  NETCORE_SANDBOX_ACCOUNT_TIMEZONE,
  formatNetcoreActivityDate,
  localDateKey,
  seedChannelActivity,
  type SeededChannelEvent,
} from './seed';

export interface NetcoreSandboxContact {
  /** Primary key. */
  EMAIL: string;
  /** Every other attribute as sent (MOBILE, NAME, CITY, …). */
  attributes: Record<string, string | number | boolean | null>;
  listIds: number[];
  requestId: string;
  addedAt: string;
}

export interface NetcoreApiSimulator extends Simulator {
  /** Every contact: the seeded demo people first, then those added through addsync. */
  contacts(): NetcoreSandboxContact[];
  /** The seeded channel activity (optionally of one primary key). */
  channelActivity(primaryKey?: string): SeededChannelEvent[];
  /** The account's time zone: activity_date values are wall-clock times here. */
  readonly accountTimeZone: string;
}

/** The in-band error body Netcore's apiv2 uses (docs: contact sync "Response 2"). */
export interface NetcoreApiErrorBody {
  status: 'error';
  error_code: number;
  details: string;
}

const MAX_DAYS_INCLUSIVE = 7;

function apiError(errorCode: number, details: string, httpStatus = 200): Response {
  const body: NetcoreApiErrorBody = { status: 'error', error_code: errorCode, details };
  return json(body, httpStatus);
}

type Params = Map<string, string>;

async function readParams(req: Request): Promise<{ params: Params; rawJson?: unknown }> {
  const params: Params = new Map();
  new URL(req.url).searchParams.forEach((v, k) => params.set(k, v));
  if (req.method === 'GET' || req.method === 'HEAD') return { params };
  const text = (await req.text()).trim();
  if (!text) return { params };
  if (text.startsWith('{')) {
    // A raw JSON body: the data object itself (or an object holding the parameters).
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'data' in parsed) {
        for (const [k, v] of Object.entries(parsed)) params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
        return { params };
      }
      return { params, rawJson: parsed };
    } catch {
      params.set('data', text);
      return { params };
    }
  }
  // `data=…` with a form or a JSON content type (the curl): read it as a form either way.
  new URLSearchParams(text).forEach((v, k) => params.set(k, v));
  return { params };
}

function parseDataObject(raw: string | undefined, rawJson: unknown): Record<string, unknown> | null {
  let value: unknown = rawJson;
  if (value === undefined) {
    if (raw === undefined) return null;
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** DDMMYYYY → YYYYMMDD number, only for real calendar dates. */
function readDdmmyyyy(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{8}$/.test(value)) return null;
  const d = Number(value.slice(0, 2));
  const m = Number(value.slice(2, 4));
  const y = Number(value.slice(4));
  const check = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return y * 10_000 + m * 100 + d;
}

function dayIndex(key: number): number {
  const y = Math.floor(key / 10_000);
  const m = Math.floor((key % 10_000) / 100);
  const d = key % 100;
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function createNetcoreApiSimulator(opts: { now?: () => Date } = {}): NetcoreApiSimulator {
  const now = opts.now ?? (() => new Date());
  const timeZone = NETCORE_SANDBOX_ACCOUNT_TIMEZONE;
  let contacts: NetcoreSandboxContact[] = [];
  let events: SeededChannelEvent[] = [];
  let requestCounter = 0;

  const nextRequestId = () => {
    requestCounter += 1;
    return `sbx${requestCounter.toString(16).padStart(29, '0')}`;
  };

  function seed(): void {
    requestCounter = 0;
    const at = now().toISOString();
    contacts = DEMO_PEOPLE.map((p) => ({
      EMAIL: p.email,
      attributes: { MOBILE: p.phone, NAME: `${p.firstName} ${p.lastName}`, CITY: p.city },
      listIds: [1],
      requestId: nextRequestId(),
      addedAt: at,
    }));
    events = seedChannelActivity(now());
  }
  seed();

  function findContact(key: string): NetcoreSandboxContact | undefined {
    const k = key.trim().toLowerCase();
    return contacts.find((c) => c.EMAIL.toLowerCase() === k || String(c.attributes.MOBILE ?? '').toLowerCase() === k);
  }

  function addsync(params: Params, rawJson: unknown): Response {
    const data = parseDataObject(params.get('data'), rawJson);
    if (!data) return apiError(400, 'Invalid data: pass the contact as a JSON string in the data parameter');
    const email = data.EMAIL;
    if (typeof email !== 'string' || !email.trim()) return apiError(400, 'Primary key EMAIL is missing');
    const listRaw = params.get('listid');
    let listIds: number[] = [];
    if (listRaw !== undefined && listRaw !== '') {
      if (!/^\d+$/.test(listRaw)) return apiError(400, 'Invalid listid');
      listIds = [Number(listRaw)];
    }
    if (contacts.some((c) => c.EMAIL.toLowerCase() === email.trim().toLowerCase())) {
      return apiError(302, `Duplicate entry '${email}' for key 'uniqid'`);
    }
    const attributes: NetcoreSandboxContact['attributes'] = {};
    for (const [k, v] of Object.entries(data)) {
      if (k === 'EMAIL') continue;
      attributes[k] = v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string | number | boolean | null) : JSON.stringify(v);
    }
    const requestId = nextRequestId();
    contacts.push({ EMAIL: email.trim(), attributes, listIds, requestId, addedAt: now().toISOString() });
    return json({ requestid: requestId, result: 'Success' });
  }

  function channelActivityExport(params: Params, rawJson: unknown): Response {
    const data = parseDataObject(params.get('data'), rawJson);
    if (!data) return apiError(400, 'Invalid data: pass a JSON string with primary_key, channel, from_date, to_date');
    const primaryKey = data.primary_key;
    if (typeof primaryKey !== 'string' || !primaryKey.trim()) return apiError(400, 'primary_key is required');
    const channel = data.channel;
    if (channel !== 'email' && channel !== 'sms') return apiError(400, 'Invalid channel: use sms or email');
    const fromRaw = data.from_date ?? data.fromdate;
    const toRaw = data.to_date ?? data.todate;
    const from = readDdmmyyyy(fromRaw);
    const to = readDdmmyyyy(toRaw);
    if (from === null || to === null) return apiError(400, 'Invalid date format: from_date and to_date must be DDMMYYYY');
    if (from > to) return apiError(400, 'from_date must not be after to_date');
    if (dayIndex(to) - dayIndex(from) + 1 > MAX_DAYS_INCLUSIVE) {
      return apiError(400, 'Date range should not be more than 7 days');
    }
    const contact = findContact(primaryKey);
    const selected = contact
      ? events.filter((e) => {
          if (e.primaryKey !== contact.EMAIL || e.channel !== channel) return false;
          const key = localDateKey(e.at, timeZone);
          return key >= from && key <= to;
        })
      : [];
    const channelActivity = selected.map((e) => {
      const entry: Record<string, string | number> = { activity: e.activity };
      if (e.ip) entry.ip = e.ip;
      if (e.link) entry.link = e.link;
      entry.message_id = e.messageId;
      entry.msg_name = e.messageName;
      entry.activity_date = formatNetcoreActivityDate(e.at, timeZone);
      if (e.device) entry.device = e.device;
      if (e.os) entry.os = e.os;
      if (e.browser) entry.browser = e.browser;
      return entry;
    });
    return json({
      status: 'success',
      result: { channel_activity: channelActivity, from_date: String(fromRaw), to_date: String(toRaw), channel },
      details: 'Data fetched successfully.',
    });
  }

  return {
    accountTimeZone: timeZone,
    async handle(req, path) {
      if (path.replace(/\/+$/, '') !== '/apiv2') return apiError(404, 'Not Found', 404);
      if (req.method !== 'POST') return apiError(405, 'Method Not Allowed', 405);
      const { params, rawJson } = await readParams(req);
      if (params.get('apikey') !== SANDBOX_NETCORE_API_KEY) return apiError(401, 'Unauthorized | Invalid API Key', 401);
      const type = params.get('type');
      const activity = params.get('activity');
      if (type === 'contact' && activity === 'addsync') return addsync(params, rawJson);
      if (type === 'export_data' && activity === 'get_user_channel_activity_data') return channelActivityExport(params, rawJson);
      return apiError(400, 'Invalid type or activity');
    },
    reset: seed,
    contacts: () => structuredClone(contacts),
    channelActivity: (primaryKey) =>
      events.filter((e) => primaryKey === undefined || e.primaryKey === primaryKey).map((e) => ({ ...e, at: new Date(e.at) })),
  };
}
