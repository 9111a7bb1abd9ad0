/**
 * Issue 14: the time from reconnect to the last of 50 captures queued on a tablet being "Sent" (Footprints
 * answered with a lead id), at 150 ms added to every Footprints call. The tablet's own send loop
 * (components/offline/device-queue.ts, oldest first, one at a time) drives the capture use case in-process
 * against the sandbox; the browser's round trip per server action is not in this figure.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { flushDeviceQueue, memoryQueueStore, type QueuedCapture } from '@/components/offline/device-queue';
import { loadConfig } from '@/lib/config';
import { CONSENT_WORDING_VERSION } from '@/lib/capture/consent-wording';
import { registerCaptureHandlers } from '@/lib/capture/delivery';
import { emptyCaptureForm } from '@/lib/capture/inputs';
import { submitCapture } from '@/lib/capture/submit';
import { createTokenSource } from '@/lib/capture/tokens';
import { createDb, type DbHandle } from '@/lib/db';
import { setLogSink } from '@/lib/log';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { createVendorClients } from '@/lib/vendors/clients';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import { reportBench } from './report';

const VENDOR_LATENCY_MS = 150;
const QUEUED = 50;

let running: RunningSandbox;
let handle: DbHandle;
let footprints: FootprintsClient;
let restoreSink: ReturnType<typeof setLogSink> | undefined;

beforeAll(async () => {
  restoreSink = setLogSink(() => undefined);
  running = await startSandboxServer();
  handle = await createDb({ memory: true });
  const config = loadConfig({ SANDBOX: '1', SANDBOX_ORIGIN: running.origin, VENDOR_TIMEOUT_MS: '10000' });
  const clients = createVendorClients(config);
  footprints = clients.footprints;
  registerCaptureHandlers({ footprints: () => footprints, netcore: () => clients.netcore, tokens: createTokenSource(() => footprints, () => 'bench-secret-bench-secret-bench-secret') });
  running.sandbox.setFaults('footprints', { latencyMs: VENDOR_LATENCY_MS });
});

afterAll(async () => {
  await handle?.close();
  await running?.close();
  if (restoreSink) setLogSink(restoreSink);
});

function queued(i: number, at: number): QueuedCapture {
  const key = randomUUID();
  return {
    key,
    values: {
      ...emptyCaptureForm(key, CONSENT_WORDING_VERSION),
      firstName: 'Offline',
      lastName: `Bench${i}`,
      email: `offline.${i}.${at}@bench.example.com`,
      agreeTerms: true,
      agreePrivacy: true,
      isAdult: true,
      createdAt: new Date(at - 60_000 + i).toISOString(),
      timezone: 'Europe/Bucharest',
      deviceId: 'bench-tablet',
    },
    hostess: { subject: 'hostess:bench', name: 'Bench', ticket: '' },
    queuedAt: new Date(at - 60_000 + i).toISOString(),
    state: 'waiting',
  };
}

describe('offline queue', () => {
  it('reconnect → the last of 50 queued captures "Sent", at 150 ms vendor latency', async () => {
    const at = Date.now();
    const store = memoryQueueStore(Array.from({ length: QUEUED }, (_, i) => queued(i, at)));
    let sent = 0;
    const started = performance.now();
    const report = await flushDeviceQueue(store, async (item) => {
      const outcome = await submitCapture(handle.db, item.values, { subject: item.hostess.subject, name: item.hostess.name, userAgent: 'bench' }, { storeTimezone: 'Europe/Bucharest', locationName: null });
      if (outcome.state === 'sent') sent += 1;
      return outcome.state === 'rejected' ? { kind: 'refused', message: 'refused' } : { kind: 'delivered' };
    });
    const seconds = (performance.now() - started) / 1000;
    reportBench('offline-queue', [
      { metric: `reconnect → last of ${QUEUED} queued captures "Sent" (in-process, ${VENDOR_LATENCY_MS} ms vendor latency; ${sent} sent, ${report.refused} refused, ${store.items.size} left)`, value: seconds, unit: 's' },
      { metric: 'per capture, mean', value: (seconds * 1000) / QUEUED, unit: 'ms' },
    ]);
  });
});
