/**
 * A throwaway PostgreSQL database for tests and benches that start real instances (tests/two-instances,
 * tests/graceful-shutdown, lib/testing/fleet.ts): created next to TEST_DATABASE_URL's, marked as a sandbox
 * one by the console's own tool (scripts/mark-sandbox-db.mjs, which migrates it: sandbox mode on PostgreSQL
 * refuses an unmarked database), dropped afterwards.
 */
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { freshSchemaName } from '@/lib/db/testing';

/** One statement on `url` with a short-lived connection (CREATE/DROP DATABASE, counts). */
export async function pgQuery(url: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

export interface SandboxDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database `<prefix>_…` on the server of `baseUrl`, migrated and marked for sandbox mode. */
export async function createSandboxDatabase(baseUrl: string, prefix: string): Promise<SandboxDatabase> {
  const name = freshSchemaName(prefix);
  const target = new URL(baseUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  await pgQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const drop = () => pgQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined);
  const marked = spawnSync(process.execPath, ['scripts/mark-sandbox-db.mjs'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  if (marked.status !== 0) {
    await drop().catch(() => {});
    throw new Error(`scripts/mark-sandbox-db.mjs failed on ${name}: ${marked.stderr}`);
  }
  return { name, url, drop };
}
