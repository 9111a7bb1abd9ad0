/**
 * Simulator of Netcore's offline activity upload (`/v1/activity/upload`, mounted at
 * /sandbox/netcore-activity), written from docs/netcore-add-activity.txt, independently of the client.
 *
 * Decisions where the docs are vague:
 * - Auth is `Authorization: Bearer <API key>`; anything else is HTTP 401 "Unauthorized | Invalid API Key".
 * - The body is one JSON object or an array of 1..1000 objects; more than 1000 is HTTP 400.
 * - A record without activity_name fails the whole request with HTTP 400
 *   "Bad Request | Missing Parameter - Activity Name" (the one documented request error).
 * - Per-record problems do not fail the request: the record is not inserted and is listed in
 *   `failed_count`. That covers an empty `activity_params.product` array ("the system will not insert
 *   such events"), a missing identity (and annonid), a missing/unreadable timestamp, missing activity_params.
 * - asset_id is documented as required, but the bulk sample omits it on two of three records, so a record
 *   without it is accepted.
 * - The success answer follows the docs' shape: `success_count` as a numeric string and `failed_count` as a
 *   string holding a JSON array of `{status:"fail", code, error, record}` (the docs print it that way, as
 *   invalid JSON; this is the nearest valid form), so the client has to read the documented form.
 */
import { SANDBOX_NETCORE_API_KEY } from '../demo-staff';
import { json, type Simulator } from '../types';

export const MAX_ACTIVITIES_PER_REQUEST = 1000;

export interface NetcoreSandboxActivity {
  assetId: string | null;
  activityName: string;
  /** As sent (ISO-8601). */
  timestamp: string;
  identity: string | null;
  annonid: string | null;
  activitySource: string | null;
  params: Record<string, unknown>;
  receivedAt: string;
}

export interface NetcoreUploadRecord {
  /** Records in the request. */
  size: number;
  success: number;
  failed: number;
}

export interface NetcoreActivitySimulator extends Simulator {
  /** Every activity inserted since the last reset, in arrival order. */
  activities(): NetcoreSandboxActivity[];
  /** One entry per accepted upload request (not those refused with 4xx). */
  uploads(): NetcoreUploadRecord[];
}

/** The error body of the upload endpoint (HTTP 400/401/405). */
export interface NetcoreActivityErrorBody {
  status: 'error';
  code: number;
  error: string;
}

function uploadError(status: number, error: string): Response {
  const body: NetcoreActivityErrorBody = { status: 'error', code: status, error };
  return json(body, status);
}

type Failure = { status: 'fail'; code: number; error: string; record: unknown };

function isObject(v: unknown): v is Record<string, unknown> {
  return Boolean(v) && typeof v === 'object' && !Array.isArray(v);
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function createNetcoreActivitySimulator(opts: { now?: () => Date } = {}): NetcoreActivitySimulator {
  const now = opts.now ?? (() => new Date());
  let stored: NetcoreSandboxActivity[] = [];
  let uploads: NetcoreUploadRecord[] = [];

  function checkRecord(r: Record<string, unknown>): string | null {
    const identity = r.identity;
    const annonid = r.annonid;
    const hasIdentity = (typeof identity === 'string' && identity.trim() !== '') || typeof identity === 'number';
    const hasAnon = typeof annonid === 'string' && annonid.trim() !== '';
    if (!hasIdentity && !hasAnon) return 'Bad Request | Missing Parameter - Identity';
    if (typeof r.timestamp !== 'string' || !ISO_8601.test(r.timestamp) || Number.isNaN(Date.parse(r.timestamp))) {
      return 'Bad Request | Missing Parameter - Timestamp';
    }
    if (!isObject(r.activity_params)) return 'Bad Request | Missing Parameter - Activity Params';
    const product = r.activity_params.product;
    if (Array.isArray(product) && product.length === 0) return 'Bad Request | Empty product array - event not inserted';
    return null;
  }

  return {
    async handle(req, path) {
      if (path.replace(/\/+$/, '') !== '/v1/activity/upload') return uploadError(404, 'Not Found');
      if (req.method !== 'POST') return uploadError(405, 'Method Not Allowed');
      const auth = req.headers.get('authorization') ?? '';
      const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
      if (!match || match[1] !== SANDBOX_NETCORE_API_KEY) return uploadError(401, 'Unauthorized | Invalid API Key');

      let body: unknown;
      try {
        body = JSON.parse(await req.text());
      } catch {
        return uploadError(400, 'Bad Request | Invalid JSON');
      }
      const records = Array.isArray(body) ? body : [body];
      if (records.length === 0) return uploadError(400, 'Bad Request | No activity');
      if (records.length > MAX_ACTIVITIES_PER_REQUEST) {
        return uploadError(400, `Bad Request | At most ${MAX_ACTIVITIES_PER_REQUEST} activities per request`);
      }
      if (!records.every(isObject)) return uploadError(400, 'Bad Request | Each activity must be a JSON object');
      if (records.some((r) => typeof r.activity_name !== 'string' || r.activity_name.trim() === '')) {
        return uploadError(400, 'Bad Request | Missing Parameter - Activity Name');
      }

      const failures: Failure[] = [];
      let success = 0;
      for (const r of records) {
        const problem = checkRecord(r);
        if (problem) {
          failures.push({ status: 'fail', code: 400, error: problem, record: r });
          continue;
        }
        success += 1;
        stored.push({
          assetId: typeof r.asset_id === 'string' ? r.asset_id : null,
          activityName: String(r.activity_name),
          timestamp: String(r.timestamp),
          identity: r.identity === undefined || r.identity === null ? null : String(r.identity),
          annonid: typeof r.annonid === 'string' ? r.annonid : null,
          activitySource: typeof r.activity_source === 'string' ? r.activity_source : null,
          params: structuredClone(r.activity_params as Record<string, unknown>),
          receivedAt: now().toISOString(),
        });
      }
      uploads.push({ size: records.length, success, failed: failures.length });
      return json({ status: 'success', success_count: String(success), failed_count: JSON.stringify(failures) });
    },
    reset() {
      stored = [];
      uploads = [];
    },
    activities: () => structuredClone(stored),
    uploads: () => structuredClone(uploads),
  };
}
