/**
 * What the server does once at start (from instrumentation.ts): open the database (migrations apply on
 * first use), seed the sandbox's role assignments, register the sync-queue handlers and start the worker.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { log } from '@/lib/log';
import { setOutboxVendorTimeout, startOutboxWorker } from '@/lib/outbox';
import { seedSandboxRoles } from '@/lib/admin/seed-sandbox-roles';
import { assertSandboxDatabaseAllowed } from '@/lib/auth/sandbox-guard';
import { registerOutboxHandlers } from '@/lib/outbox-handlers';
import { startLeadSync } from '@/lib/leads/start-lead-sync';
import { startHeartbeat } from '@/lib/system/heartbeat';
import { installGracefulShutdown } from '@/lib/shutdown';

const globalForStart = globalThis as unknown as { __storedeskStarted?: Promise<void> };

export function startServerBackground(): Promise<void> {
  globalForStart.__storedeskStarted ??= (async () => {
    const config = getConfig();
    // SIGTERM/SIGINT: stop claiming and syncing, let vendor calls in flight finish (≤ 20 s), release, close, exit 0.
    installGracefulShutdown();
    const db = await getDb();
    await assertSandboxDatabaseAllowed(db, config);
    if (config.sandbox) await seedSandboxRoles(db);
    registerOutboxHandlers();
    setOutboxVendorTimeout(config.vendorTimeoutMs); // claims (the worker's and inline deliveries') are sized by it
    if (config.outboxWorker) startOutboxWorker({ getDb, vendorTimeoutMs: config.vendorTimeoutMs });
    startHeartbeat({ getDb, commit: config.commit }); // this instance on /admin/system
    if (config.leadSync) startLeadSync(); // periodic read-model sync of leads (LEAD_SYNC=0: off); logs and retries on failure, never throws
    log('info', 'server.started', { sandbox: config.sandbox, database: config.database.url ? 'postgresql' : 'pglite', worker: config.outboxWorker, leadSync: config.leadSync });
  })();
  return globalForStart.__storedeskStarted;
}

/**
 * The start hook's entry: a console that is not configured (no credentials and no SANDBOX=1, an http
 * public URL, …) or sandbox mode aimed at an unmarked PostgreSQL database does not start at all — it
 * prints what is wrong and exits, rather than serving errors.
 */
export async function startServerOrExit(): Promise<void> {
  try {
    await startServerBackground();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'ConfigError' || name === 'SandboxDatabaseError') {
      process.stderr.write(`\n${(error as Error).message}\n\n`);
      process.exit(1);
    }
    throw error;
  }
}
