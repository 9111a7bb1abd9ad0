/**
 * "Forget this tablet" (issue 14): the manager's discard happens on the tablet at once, online or not; its
 * record (how many, when, which tablet — no customer data) waits in localStorage until a manager's session on
 * this tablet reports it to the console, which audits it.
 */
import { clearDeviceQueue, type DeviceQueueStore } from './device-queue';

export const FORGOTTEN_KEY = 'storedesk.capture.forgotten';

export interface ForgottenRecord {
  deviceId: string;
  discarded: number;
  forgottenAt: string;
}

function read(): ForgottenRecord[] {
  try {
    const list = JSON.parse(window.localStorage.getItem(FORGOTTEN_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as ForgottenRecord[]) : [];
  } catch {
    return [];
  }
}

function write(list: ForgottenRecord[]): void {
  try {
    if (list.length) window.localStorage.setItem(FORGOTTEN_KEY, JSON.stringify(list));
    else window.localStorage.removeItem(FORGOTTEN_KEY);
  } catch {
    /* private mode */
  }
}

/** Discards every capture on the tablet and keeps the record to report. */
export async function forgetTablet(deviceId: string, store?: DeviceQueueStore, now: Date = new Date()): Promise<number> {
  const discarded = await clearDeviceQueue(store);
  write([...read(), { deviceId, discarded, forgottenAt: now.toISOString() }]);
  return discarded;
}

/** Reports the waiting records oldest first; each one the console took is dropped, the rest wait. */
export async function reportForgotten(report: (r: ForgottenRecord) => Promise<boolean>): Promise<number> {
  let sent = 0;
  for (const record of read()) {
    let ok = false;
    try {
      ok = await report(record);
    } catch {
      ok = false;
    }
    if (!ok) break;
    write(read().filter((r) => !(r.forgottenAt === record.forgottenAt && r.deviceId === record.deviceId)));
    sent++;
  }
  return sent;
}
