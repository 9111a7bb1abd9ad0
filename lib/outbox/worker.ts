/**
 * The sync worker: polls runDueJobs. One per process (Next may load this module twice), kept in the one
 * handle below; it logs every failure, redacted, and never lets one escape to crash the process.
 */
import 'server-only';
import type { Db } from '@/lib/db';
import { log } from '@/lib/log';
import { redactText } from '@/lib/redact';
import { defaultWorkerId, runDueJobs, setOutboxVendorTimeout, type RunDueResult } from './jobs';

export interface OutboxWorkerOptions {
  getDb: () => Promise<Db>;
  /** Pause between polls when the queue is empty. Default 1000 ms. */
  intervalMs?: number;
  /** Default `worker:<host>:<pid>`. */
  workerId?: string;
  /** Jobs per poll. Default 10. */
  batchSize?: number;
  /** Called after each poll that claimed something (tests, metrics). */
  onBatch?: (result: RunDueResult) => void;
  /** VENDOR_TIMEOUT_MS: claims last the kind's vendor calls × this, plus a margin (claimLeaseMs). */
  vendorTimeoutMs?: number;
}

export interface OutboxWorkerHandle {
  readonly workerId: string;
  /** Polls now instead of at the next interval (e.g. right after a burst of enqueues). */
  wake(): void;
  /** Stops polling (no claim from now on) and waits for the batch in flight. */
  stop(): Promise<void>;
}

const globalForWorker = globalThis as unknown as { __storedeskOutboxWorker?: OutboxWorkerHandle };

/** Starts the process's worker, or returns the one already running. */
export function startOutboxWorker(opts: OutboxWorkerOptions): OutboxWorkerHandle {
  const existing = globalForWorker.__storedeskOutboxWorker;
  if (existing) return existing;

  const workerId = opts.workerId ?? defaultWorkerId();
  if (opts.vendorTimeoutMs !== undefined) setOutboxVendorTimeout(opts.vendorTimeoutMs);
  const intervalMs = Math.max(10, opts.intervalMs ?? 1000);
  const batchSize = Math.max(1, opts.batchSize ?? 10);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let wakeRequested = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      inFlight = tick().finally(() => {
        inFlight = undefined;
      });
    }, delay);
    // The worker alone must not keep a process alive (tests, scripts); a server has its own handles.
    timer.unref?.();
  };

  const tick = async (): Promise<void> => {
    let full = false;
    try {
      const db = await opts.getDb();
      const result = await runDueJobs(db, { workerId, limit: batchSize });
      if (result.claimed > 0) {
        log('info', 'outbox.batch', { workerId, ...result });
        opts.onBatch?.(result);
      }
      full = result.claimed >= batchSize;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log('error', 'outbox.worker_poll_failed', { workerId, error: redactText(message).slice(0, 300) });
    }
    // A full batch means more may be waiting, and a wake during the poll may have missed it: go again at once.
    const again = full || wakeRequested;
    wakeRequested = false;
    schedule(again ? 0 : intervalMs);
  };

  const handle: OutboxWorkerHandle = {
    workerId,
    wake: () => {
      if (stopped) return;
      if (inFlight) wakeRequested = true;
      else schedule(0);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
      if (globalForWorker.__storedeskOutboxWorker === handle) globalForWorker.__storedeskOutboxWorker = undefined;
      log('info', 'outbox.worker_stopped', { workerId });
    },
  };
  globalForWorker.__storedeskOutboxWorker = handle;
  log('info', 'outbox.worker_started', { workerId, intervalMs, batchSize });
  schedule(0);
  return handle;
}

/** Asks the process's worker (if one runs) to poll now, after an enqueue or a retry, instead of at its next interval. */
export function wakeOutboxWorker(): void {
  globalForWorker.__storedeskOutboxWorker?.wake();
}

/** Stops the process's worker, if one runs: no claim from now on; resolves when its batch in flight settled. */
export async function stopOutboxWorker(): Promise<string | null> {
  const worker = globalForWorker.__storedeskOutboxWorker;
  if (!worker) return null;
  await worker.stop();
  return worker.workerId;
}
