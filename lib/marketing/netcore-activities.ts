/**
 * Netcore offline activities through the sync queue: one outbox job per activity (kind
 * `netcore.activity`), uploaded together by a batch handler — at most 1000 per request, the docs' bulk
 * limit — so a burst of captures or redemptions costs a handful of Netcore requests, not one each.
 *
 * - Retryable failures of the request (timeouts, 408/429/5xx) retry every job of the batch with backoff.
 * - A request Netcore refuses as a whole (401, 400) makes every job of the batch dead with the reason.
 * - A record Netcore lists in `failed_count` goes dead alone, with Netcore's reason for it; the others are done.
 * - A record that breaks a documented per-record rule (no identity and no annonid, no ISO-8601 timestamp,
 *   an empty product array) is refused at enqueue, and — should one be stored anyway — goes dead before
 *   the request, so it can never fail the whole upload.
 *
 * Jobs are due at the end of the current gathering slot (GATHER_MS, aligned to the clock), so every
 * activity queued within one slot falls due at the same instant and the worker claims them together (up to
 * 1000 per request): a steady stream of captures costs one upload per slot, not one per worker poll.
 */
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { type OutboxBatchItem, type OutboxBatchOutcome } from '@/lib/outbox';
import {
  NETCORE_MAX_ACTIVITIES_PER_REQUEST,
  createNetcoreClient,
  type NetcoreActivity,
  type NetcoreClientOptions,
} from '@/lib/vendors/netcore';

export const NETCORE_ACTIVITY_JOB = 'netcore.activity';
/** The gathering slot: an activity waits at most this long for others to share its upload request. */
export const NETCORE_ACTIVITY_GATHER_MS = 5_000;

/** The end of the slot `now` falls in: every activity queued in one slot is due at the same instant. */
export function gatherSlotEnd(now: number, slotMs = NETCORE_ACTIVITY_GATHER_MS): Date {
  return new Date((Math.floor(now / slotMs) + 1) * slotMs);
}
export { NETCORE_MAX_ACTIVITIES_PER_REQUEST };

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** What a `netcore.activity` job stores: the activity as the client takes it, timestamp as ISO-8601. */
export const StoredNetcoreActivitySchema = z.object({
  activityName: z.string().trim().min(1),
  identity: z.union([z.string(), z.number()]).optional(),
  annonid: z.string().optional(),
  timestamp: z.string(),
  activitySource: z.string().optional(),
  params: z.record(z.string(), paramValue).optional(),
  products: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).optional(),
  assetId: z.string().optional(),
});
export type StoredNetcoreActivity = z.infer<typeof StoredNetcoreActivitySchema>;

export const NetcoreActivityJobSchema = z.object({ activity: StoredNetcoreActivitySchema });
export type NetcoreActivityJobPayload = z.infer<typeof NetcoreActivityJobSchema>;

/** The documented per-record rules (docs/netcore-add-activity.txt); null when the record is fine. */
export function netcoreActivityProblem(a: StoredNetcoreActivity): string | null {
  if (!a.activityName.trim()) return 'the activity has no name';
  const hasIdentity = (typeof a.identity === 'string' && a.identity.trim() !== '') || typeof a.identity === 'number';
  if (!hasIdentity && !(a.annonid && a.annonid.trim())) return 'the activity has neither identity nor annonid';
  if (!ISO_8601.test(a.timestamp) || Number.isNaN(Date.parse(a.timestamp))) return 'the activity timestamp is not an ISO-8601 date-time';
  if (a.products && a.products.length === 0) return 'the activity has an empty product array (Netcore would not insert it)';
  return null;
}

export function toStored(activity: NetcoreActivity): StoredNetcoreActivity {
  const timestamp = activity.timestamp instanceof Date ? activity.timestamp.toISOString() : activity.timestamp;
  const stored: StoredNetcoreActivity = { activityName: activity.activityName, timestamp };
  if (activity.identity !== undefined) stored.identity = activity.identity;
  if (activity.annonid !== undefined) stored.annonid = activity.annonid;
  if (activity.activitySource !== undefined) stored.activitySource = activity.activitySource;
  if (activity.params !== undefined) stored.params = { ...activity.params };
  if (activity.products !== undefined) stored.products = activity.products.map((p) => ({ ...p }));
  if (activity.assetId !== undefined) stored.assetId = activity.assetId;
  return stored;
}

/** One record Netcore listed as failed, with the record it echoed when it did. */
export interface ActivityUploadFailure {
  code?: string;
  error?: string;
  record?: unknown;
}

export interface ActivityUploadOutcome {
  successCount: number;
  failedCount: number;
  failures: ActivityUploadFailure[];
}

/** Uploads at most NETCORE_MAX_ACTIVITIES_PER_REQUEST activities in one request. */
export interface ActivityUploader {
  upload(activities: readonly NetcoreActivity[]): Promise<ActivityUploadOutcome>;
}

function failureRecordsOf(body: unknown): unknown[] | null {
  if (!body || typeof body !== 'object') return null;
  let failed: unknown = (body as { failed_count?: unknown }).failed_count;
  if (typeof failed === 'string') {
    try {
      failed = JSON.parse(failed) as unknown;
    } catch {
      return null;
    }
  }
  if (!Array.isArray(failed)) return null;
  return failed.map((f) => (f && typeof f === 'object' ? (f as { record?: unknown }).record : undefined));
}

/**
 * The typed Netcore client, plus the failed records' echo. The client keeps each failure's code and
 * reason but not the `record` Netcore echoes with it (docs: `{"status":"fail", code, error, record}`);
 * without the record a failure cannot be tied to its job. So the same answer is read here once more,
 * through the client's fetchImpl, scoped per upload with AsyncLocalStorage (concurrent uploads never mix).
 */
export function createActivityUploader(options: NetcoreClientOptions): ActivityUploader {
  const scope = new AsyncLocalStorage<{ records: unknown[] | null }>();
  const baseFetch = options.fetchImpl ?? fetch;
  const teeFetch: typeof fetch = async (input, init) => {
    const response = await baseFetch(input, init);
    const holder = scope.getStore();
    if (holder && response.ok) {
      try {
        holder.records = failureRecordsOf(await response.clone().json());
      } catch {
        holder.records = null;
      }
    }
    return response;
  };
  const client = createNetcoreClient({ ...options, fetchImpl: teeFetch });
  return {
    async upload(activities) {
      if (activities.length > NETCORE_MAX_ACTIVITIES_PER_REQUEST) throw new Error('upload: more activities than one request takes');
      const holder: { records: unknown[] | null } = { records: null };
      const result = await scope.run(holder, () => client.uploadActivities(activities));
      const failures = result.batches.flatMap((b) => b.failures);
      return {
        successCount: result.successCount,
        failedCount: result.failedCount,
        failures: failures.map((f, i) => ({ ...f, record: holder.records?.[i] })),
      };
    },
  };
}

let defaultUploader: ActivityUploader | undefined;
/** The uploader built from the validated configuration (the same settings as getNetcoreClient()). */
export function getActivityUploader(): ActivityUploader {
  if (!defaultUploader) {
    const c = getConfig();
    defaultUploader = createActivityUploader({ ...c.netcore, timeoutMs: c.vendorTimeoutMs, timeZone: c.storeTimezone });
  }
  return defaultUploader;
}

function matchKey(name: unknown, timestamp: unknown, identity: unknown, annonid: unknown): string {
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return JSON.stringify([text(name), text(timestamp), text(identity), text(annonid)]);
}

/** A record Netcore refused: the job is dead at once with Netcore's reason. */
export class NetcoreRecordRefusedError extends Error {
  constructor(reason: string) {
    super(`Netcore refused the activity: ${reason}`);
    this.name = 'NetcoreRecordRefusedError';
  }
}

/**
 * The batch handler of `netcore.activity`: one upload request for the whole batch (≤ 1000), then one
 * outcome per job. Pure apart from the uploader, so it is tested with the sandbox and with fakes.
 */
export function createNetcoreActivityBatchHandler(getUploader: () => ActivityUploader) {
  return async (items: readonly OutboxBatchItem<NetcoreActivityJobPayload>[]): Promise<OutboxBatchOutcome[]> => {
    const outcomes: (OutboxBatchOutcome | undefined)[] = new Array(items.length);
    const sendable: { index: number; activity: StoredNetcoreActivity }[] = [];
    items.forEach(({ payload }, index) => {
      const problem = netcoreActivityProblem(payload.activity);
      if (problem) outcomes[index] = { ok: false, error: new NetcoreRecordRefusedError(problem), retryable: false };
      else sendable.push({ index, activity: payload.activity });
    });

    for (let start = 0; start < sendable.length; start += NETCORE_MAX_ACTIVITIES_PER_REQUEST) {
      const chunk = sendable.slice(start, start + NETCORE_MAX_ACTIVITIES_PER_REQUEST);
      // A thrown error (retryable or not) settles every job of the batch alike, in lib/outbox.
      const answer = await getUploader().upload(chunk.map((c) => c.activity));

      const unmatched = new Map<string, number[]>();
      chunk.forEach((c, i) => {
        const key = matchKey(c.activity.activityName, c.activity.timestamp, c.activity.identity, c.activity.annonid);
        unmatched.set(key, [...(unmatched.get(key) ?? []), i]);
      });
      const refused = new Map<number, string>();
      let unattributed = 0;
      for (const failure of answer.failures) {
        const reason = failure.error?.trim() || (failure.code ? `code ${failure.code}` : 'no reason given');
        const record = failure.record && typeof failure.record === 'object' ? (failure.record as Record<string, unknown>) : null;
        const key = record ? matchKey(record.activity_name, record.timestamp, record.identity, record.annonid) : null;
        const slot = key ? unmatched.get(key) : undefined;
        const i = slot?.shift();
        if (i === undefined) unattributed += 1;
        else refused.set(i, reason);
      }
      // The answer may count failures it does not list; and a failure Netcore does not echo cannot be tied
      // to a job. When every record failed, every job is dead; otherwise the others are taken as delivered
      // (a retry would upload the accepted ones twice) and the gap is logged.
      unattributed += Math.max(0, answer.failedCount - answer.failures.length);
      if (unattributed > 0 && answer.successCount === 0) {
        const reason = answer.failures.find((f) => f.error)?.error ?? 'every record failed';
        chunk.forEach((_, i) => {
          if (!refused.has(i)) refused.set(i, reason);
        });
        unattributed = 0;
      }
      if (unattributed > 0) {
        log('warn', 'marketing.netcore_unattributed_failures', { size: chunk.length, unattributed, successCount: answer.successCount });
      }
      chunk.forEach((c, i) => {
        const reason = refused.get(i);
        outcomes[c.index] = reason
          ? { ok: false, error: new NetcoreRecordRefusedError(reason), retryable: false }
          : { ok: true, result: { uploaded: true, requestSize: chunk.length, ...(unattributed > 0 ? { unattributedFailuresInRequest: unattributed } : {}) } };
      });
    }
    return outcomes.map((o) => o ?? { ok: false, error: new Error('not uploaded'), retryable: true });
  };
}
