/**
 * /admin/system's read (issue 17): this instance (version, commit, uptime), every instance seen in the last
 * minutes (their heartbeats), the database engine and migration level, each vendor's state over the last 15
 * minutes added up across the live instances, the sync queue's depth and oldest due job, and the last lead sync.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { ALL_STORES } from '@/lib/auth/stores';
import { sql } from 'drizzle-orm';
import { getConfig } from '@/lib/config';
import { dbEngine, defaultMigrationsFolder, getDbHandle, type Db, type DbEngine } from '@/lib/db';
import { getSyncStatus, type SyncStatus } from '@/lib/leads/queries';
import { queueStats } from '@/lib/outbox';
import { vendorWindowStats } from '@/lib/vendors/observe';
import { INSTANCE_LIVE_MS, liveInstances, thisInstance } from './heartbeat';
import { mergeVendorStats, parseVendorStats, type VendorState } from './vendor-state';

export interface MigrationLevel {
  applied: number;
  /** Migrations this build carries (its journal). */
  known: number;
  /** The tag of the last applied migration (e.g. 0012_console_instances), when the journal names it. */
  latest: string | null;
}

export interface SystemOverview {
  generatedAt: string;
  thisInstance: { id: string; version: string; commit: string; startedAt: string; uptimeSeconds: number };
  instances: { id: string; hostname: string; pid: string; version: string; commit: string; startedAt: string; lastSeenAt: string; current: boolean }[];
  instanceWindowMinutes: number;
  database: { engine: DbEngine | 'unknown'; migrations: MigrationLevel };
  vendors: VendorState[];
  queue: { depth: number; byStatus: Record<string, number>; oldestDueAt: string | null };
  leadSync: SyncStatus;
}

type Rows<T> = { rows: T[] };

/** Applied migrations, read from drizzle's journal table (in the tables' schema in tests, else "drizzle"). */
export async function migrationLevel(db: Db, migrationsFolder = defaultMigrationsFolder()): Promise<MigrationLevel> {
  let journal: { when: number; tag: string }[] = [];
  try {
    journal = (JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] }).entries;
  } catch {
    /* a build without its journal: the count still says something */
  }
  const read = async (table: string) =>
    (await db.execute(sql.raw(`select count(*)::int as n, max(created_at)::text as last from ${table}`))) as unknown as Rows<{ n: number; last: string | null }>;
  let result: Rows<{ n: number; last: string | null }>;
  try {
    result = await read('__drizzle_migrations');
  } catch {
    result = await read('drizzle.__drizzle_migrations');
  }
  const row = result.rows[0];
  const last = row?.last ? Number(row.last) : null;
  return { applied: Number(row?.n ?? 0), known: journal.length, latest: journal.find((e) => e.when === last)?.tag ?? null };
}

export async function systemOverview(db: Db, opts: { commit: string; engine?: DbEngine; now?: Date }): Promise<SystemOverview> {
  const now = opts.now ?? new Date();
  const me = thisInstance(opts.commit);
  const [instances, migrations, queue, leadSync] = await Promise.all([liveInstances(db, now), migrationLevel(db), queueStats(db, now), getSyncStatus(db, ALL_STORES)]);
  // This instance's own view is fresher than its last heartbeat: it replaces its row's.
  const views = [vendorWindowStats(now), ...instances.filter((i) => i.id !== me.id).map((i) => parseVendorStats(i.vendorStats))];
  const byStatus: Record<string, number> = {};
  for (const c of queue.counts) byStatus[c.status] = (byStatus[c.status] ?? 0) + c.n;
  return {
    generatedAt: now.toISOString(),
    thisInstance: { id: me.id, version: me.version, commit: me.commit, startedAt: me.startedAt.toISOString(), uptimeSeconds: Math.round((now.getTime() - me.startedAt.getTime()) / 1000) },
    instances: instances.map((i) => ({
      id: i.id,
      hostname: i.hostname,
      pid: i.pid,
      version: i.version,
      commit: i.commit,
      startedAt: i.startedAt.toISOString(),
      lastSeenAt: i.lastSeenAt.toISOString(),
      current: i.id === me.id,
    })),
    instanceWindowMinutes: INSTANCE_LIVE_MS / 60_000,
    database: { engine: opts.engine ?? dbEngine(db) ?? 'unknown', migrations },
    vendors: mergeVendorStats(views),
    // Depth: what still has to reach a vendor (queued and running); dead jobs wait for an admin on /admin/queue.
    queue: { depth: (byStatus.queued ?? 0) + (byStatus.running ?? 0), byStatus, oldestDueAt: queue.oldestDueAt?.toISOString() ?? null },
    leadSync,
  };
}

/** The page's read. */
export async function getSystemOverview(): Promise<SystemOverview> {
  const handle = await getDbHandle();
  return systemOverview(handle.db, { commit: getConfig().commit, engine: handle.engine });
}
