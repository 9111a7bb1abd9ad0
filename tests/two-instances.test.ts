/**
 * Issue 17, done when "/admin/system shows two instances when two run on one PostgreSQL" — with two real processes:
 * the deployment build (`node .next/standalone/server.js`) started twice, on two ports, in sandbox mode, against one
 * fresh PostgreSQL database (made from TEST_DATABASE_URL, marked as a sandbox one by scripts/mark-sandbox-db.mjs,
 * dropped afterwards). Both heartbeat, and /admin/system's own read (systemOverview) lists both, each by its process
 * id.
 *
 * Needs the build and PostgreSQL: `npm run test:instances` (in `npm test` after the build) sets
 * STOREDESK_INSTANCES_TEST=1; without it, or without TEST_DATABASE_URL, it is skipped and says why.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/lib/db';
import { systemOverview } from '@/lib/system/queries';
import { freePort, standaloneServer, startStandalone, stopInstance, waitHealthy, type Instance } from '@/lib/testing/console-http';
import { createSandboxDatabase, type SandboxDatabase } from '@/lib/testing/sandbox-postgres';

const baseUrl = process.env.TEST_DATABASE_URL?.trim();
const server = standaloneServer();
const skipReason = process.env.STOREDESK_INSTANCES_TEST !== '1'
  ? 'run by `npm run test:instances` after the build (STOREDESK_INSTANCES_TEST=1)'
  : !baseUrl
    ? 'TEST_DATABASE_URL is not set: no PostgreSQL to run two instances on'
    : !existsSync(server)
      ? `${server} is missing: run \`npm run build:test\` first`
      : null;
if (skipReason) console.log(`two real instances on one PostgreSQL: skipped — ${skipReason}`);

let database: SandboxDatabase | undefined;
let url = '';
let dataDir = '';
const instances: Instance[] = [];
let handle: DbHandle | undefined;

async function start(): Promise<Instance> {
  return startStandalone(await freePort(), { SANDBOX: '1', DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
}

describe.skipIf(skipReason !== null)('two real instances on one PostgreSQL', () => {
  beforeAll(async () => {
    // Sandbox mode on PostgreSQL only on a database marked as a throwaway one (the console's own tool; it migrates).
    database = await createSandboxDatabase(baseUrl!, 'instances');
    url = database.url;
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'storedesk-instances-'));
    // Both at once, as two replicas start.
    instances.push(await start(), await start());
    const deadline = Date.now() + 90_000;
    await Promise.all(instances.map((i) => waitHealthy(i, deadline)));
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
    await Promise.all(instances.map((i) => stopInstance(i)));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  }, 60_000);

  it("both heartbeat into the database and /admin/system's read lists both, each by its own process", async () => {
    handle = await createDb({ url });
    const pids = instances.map((i) => String(i.child.pid)).sort();
    let seen: string[] = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const view = await systemOverview(handle.db, { commit: 'test', engine: 'postgres' });
      seen = view.instances.map((i) => i.pid).sort();
      if (seen.length >= 2) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(seen).toEqual(pids);
    const view = await systemOverview(handle.db, { commit: 'test', engine: 'postgres' });
    expect(new Set(view.instances.map((i) => i.id)).size).toBe(2);
    expect(view.database.engine).toBe('postgres');
    expect(view.database.migrations.applied).toBe(view.database.migrations.known);
  }, 60_000);
});
