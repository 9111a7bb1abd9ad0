'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { submitQueuedCaptureAction } from '@/app/(console)/capture/actions';
import { invalidateRemoteData } from '@/components/data/use-remote-data';
import { Badge } from '@/components/ui/badge';
import { announceQueueChange, deviceQueue, deviceQueueCounts, DEVICE_QUEUE_EVENT, flushDeviceQueue, type QueuedCapture, type SendAnswer } from '@/components/offline/device-queue';
import { MY_SUBMISSIONS_KEY } from './my-submissions';

/** How often a tablet with waiting captures tries again without an online event (ms). */
export const RETRY_EVERY_MS = 20_000;

/**
 * One queued capture through the same action as an online one. The console holding it (sent, waiting for
 * Footprints, or already received under that key) is "delivered"; a refusal of the capture itself (a field,
 * a retired consent text, Footprints refusing it) is "refused"; anything that says nothing about the capture
 * (no network, session ended, a role without capture, the console failing) leaves it waiting.
 */
export async function sendQueuedCapture(item: QueuedCapture): Promise<SendAnswer> {
  let answer: Awaited<ReturnType<typeof submitQueuedCaptureAction>>;
  try {
    answer = await submitQueuedCaptureAction({ values: item.values, ticket: item.hostess.ticket });
  } catch {
    return { kind: 'unreachable' };
  }
  if (answer.ok) return answer.data.state === 'rejected' ? { kind: 'refused', message: answer.data.message } : { kind: 'delivered' };
  if (answer.error.code === 'validation') {
    const fields = Object.values(answer.error.fieldErrors ?? {})
      .map((m) => m[0])
      .filter(Boolean);
    return { kind: 'refused', message: [answer.error.message, ...fields].join(' ') };
  }
  return { kind: 'unreachable' };
}

let lastRun: Promise<unknown> = Promise.resolve();
/** Sends what waits on this tablet (online only). */
export function syncDeviceQueue(): Promise<unknown> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return lastRun;
  lastRun = flushDeviceQueue(deviceQueue(), sendQueuedCapture, announceQueueChange)
    .then((report) => {
      if (report.delivered || report.refused) invalidateRemoteData(MY_SUBMISSIONS_KEY);
      return report;
    })
    .catch(() => undefined);
  return lastRun;
}

/**
 * In the header of a member of staff who captures: the count of captures waiting on this tablet, and the loop
 * that sends them when the network is back (the online event, the page shown again, a timer), on any desk.
 */
export function DeviceQueueStatus() {
  const [counts, setCounts] = useState({ waiting: 0, attention: 0 });
  const t = useTranslations('offline');
  useEffect(() => {
    let alive = true;
    const refresh = () => void deviceQueueCounts().then((c) => alive && setCounts(c));
    const sync = () => void syncDeviceQueue().then(refresh);
    const visible = () => {
      if (document.visibilityState === 'visible') sync();
    };
    refresh();
    sync();
    window.addEventListener(DEVICE_QUEUE_EVENT, refresh);
    window.addEventListener('online', sync);
    window.addEventListener('offline', refresh);
    document.addEventListener('visibilitychange', visible);
    const timer = window.setInterval(sync, RETRY_EVERY_MS);
    return () => {
      alive = false;
      window.removeEventListener(DEVICE_QUEUE_EVENT, refresh);
      window.removeEventListener('online', sync);
      window.removeEventListener('offline', refresh);
      document.removeEventListener('visibilitychange', visible);
      window.clearInterval(timer);
    };
  }, []);
  if (!counts.waiting && !counts.attention) return null;
  return (
    <p role="status" data-testid="device-queue-count">
      <Badge tone="warning">
        {counts.waiting ? t('waiting', { count: counts.waiting }) : null}
        {counts.waiting && counts.attention ? ' · ' : null}
        {counts.attention ? t('attention', { count: counts.attention }) : null}
      </Badge>
    </p>
  );
}
