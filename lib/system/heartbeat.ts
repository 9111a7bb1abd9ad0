/**
 * Each console instance says it is alive (issue 17): a row in console_instances, written at start and every
 * HEARTBEAT_INTERVAL_MS, with its version, commit, start time and its own view of the vendors (15 minutes).
 * /admin/system lists the instances seen in the last INSTANCE_LIVE_MS; rows silent for a day are removed.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { and, desc, gte, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { log } from '@/lib/log';
import { vendorWindowStats, type VendorWindowStats } from '@/lib/vendors/observe';
import packageJson from '@/package.json';
import { consoleInstances } from './schema';

export const HEARTBEAT_INTERVAL_MS = 15_000;
/** An instance whose last heartbeat is older than this is not listed (four missed beats). */
export const INSTANCE_LIVE_MS = 2 * 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export interface InstanceIdentity {
  id: string;
  hostname: string;
  pid: string;
  version: string;
  commit: string;
  startedAt: Date;
}

const globalForInstance = globalThis as unknown as { __storedeskInstance?: InstanceIdentity; __storedeskHeartbeat?: ReturnType<typeof setInterval> };

/** This process, named once: host (a container's is its id), process id and a random tail (a restarted pid differs). */
export function thisInstance(commit: string): InstanceIdentity {
  return (globalForInstance.__storedeskInstance ??= {
    id: `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    hostname: os.hostname(),
    pid: String(process.pid),
    version: packageJson.version,
    commit,
    startedAt: new Date(Date.now() - Math.round(process.uptime() * 1000)),
  });
}

/** One heartbeat: the instance's row, created or refreshed. */
export async function heartbeat(db: Db, instance: InstanceIdentity, vendorStats: readonly VendorWindowStats[], now = new Date()): Promise<void> {
  const row = { ...instance, lastSeenAt: now, vendorStats: vendorStats as unknown };
  await db
    .insert(consoleInstances)
    .values(row)
    .onConflictDoUpdate({ target: consoleInstances.id, set: { lastSeenAt: now, vendorStats: row.vendorStats, version: instance.version, commit: instance.commit } });
  await db.delete(consoleInstances).where(lt(consoleInstances.lastSeenAt, new Date(now.getTime() - FORGET_AFTER_MS)));
}

export type InstanceRow = typeof consoleInstances.$inferSelect;

/** The instances seen in the last INSTANCE_LIVE_MS, most recently started first. */
export async function liveInstances(db: Db, now = new Date()): Promise<InstanceRow[]> {
  return db
    .select()
    .from(consoleInstances)
    .where(and(gte(consoleInstances.lastSeenAt, new Date(now.getTime() - INSTANCE_LIVE_MS))))
    .orderBy(desc(consoleInstances.startedAt));
}

/** Starts this process's heartbeat (lib/server-start.ts): once now, then every interval. A failed beat is logged, never thrown. */
export function startHeartbeat(opts: { getDb: () => Promise<Db>; commit: string; intervalMs?: number }): void {
  if (globalForInstance.__storedeskHeartbeat) return;
  const instance = thisInstance(opts.commit);
  const beat = async () => {
    try {
      await heartbeat(await opts.getDb(), instance, vendorWindowStats());
    } catch (error) {
      log('warn', 'system.heartbeat_failed', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  void beat();
  const timer = setInterval(beat, opts.intervalMs ?? HEARTBEAT_INTERVAL_MS);
  timer.unref?.();
  globalForInstance.__storedeskHeartbeat = timer;
}

/** Stops this process's heartbeat (graceful shutdown: the database closes next). */
export function stopHeartbeat(): void {
  if (globalForInstance.__storedeskHeartbeat) clearInterval(globalForInstance.__storedeskHeartbeat);
  globalForInstance.__storedeskHeartbeat = undefined;
}
