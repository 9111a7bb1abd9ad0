/**
 * The database connection: embedded PGlite under `${DATA_DIR}/pglite` by default, PostgreSQL when
 * DATABASE_URL is set. Same schema, same migrations; migrations are applied once, on first use.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { redactText } from '@/lib/redact';
import * as schema from './schema';

export * from './schema';
export { schema };

/** A drizzle database on either engine. Use the query builder; raw `execute` results differ by driver. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbEngine = 'pglite' | 'postgres';

export interface CreateDbOptions {
  /** PostgreSQL connection string. Wins over dataDir. */
  url?: string;
  /** Embedded PGlite; its files go under `${dataDir}/pglite`. */
  dataDir?: string;
  /** In-memory PGlite (the default when neither url nor dataDir is given). */
  memory?: boolean;
  /**
   * PostgreSQL only: keep the tables (and the migrations journal) in this schema instead of public,
   * e.g. one fresh schema per test file. Lower-case letters, digits and underscores.
   */
  pgSchema?: string;
  /** Pool size on PostgreSQL (default 10). */
  maxConnections?: number;
  /** Default: lib/db/migrations under the working directory. */
  migrationsFolder?: string;
  /** PostgreSQL only: give up connecting after this long (default 5 s), so a lost database fails fast. */
  connectTimeoutMs?: number;
  /** PostgreSQL only: the server cancels a statement after this long (default 15 s); the client stops waiting too. */
  statementTimeoutMs?: number;
  /**
   * PostgreSQL only: sandbox mode. The database must carry the sandbox mark (console_settings.sandbox =
   * 'yes'), checked BEFORE anything is created or migrated: an unmarked database is left exactly as it was.
   */
  requireSandboxMark?: boolean;
}

/** SANDBOX=1 aimed at a PostgreSQL database that is not marked as a sandbox one (nothing was written to it). */
export class SandboxDatabaseError extends Error {
  constructor() {
    super(
      'SANDBOX=1 together with DATABASE_URL is refused: that database is not marked as a sandbox database, and sandbox mode ' +
        'would seed demo admin roles into it. Use the embedded database (unset DATABASE_URL), or mark a throwaway database with ' +
        '`DATABASE_URL=… node scripts/mark-sandbox-db.mjs`.',
    );
    this.name = 'SandboxDatabaseError';
  }
}

/** Reads the sandbox mark without creating anything: a database without the console's tables is unmarked. */
async function hasSandboxMark(client: { query: (text: string) => Promise<{ rows: { value?: unknown }[] }> }): Promise<boolean> {
  try {
    const { rows } = await client.query("SELECT value FROM console_settings WHERE key = 'sandbox'");
    return rows[0]?.value === 'yes';
  } catch (error) {
    if ((error as { code?: string }).code === '42P01' || (error as { code?: string }).code === '3F000') return false; // no such table / schema
    throw error;
  }
}

export interface DbHandle {
  db: Db;
  engine: DbEngine;
  close(): Promise<void>;
}

const engines = new WeakMap<object, DbEngine>();

/** Which engine a Db runs on (for the health route). */
export function dbEngine(db: Db): DbEngine | undefined {
  return engines.get(db);
}

export function defaultMigrationsFolder(): string {
  return path.join(process.cwd(), 'lib', 'db', 'migrations');
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens a database and applies pending migrations. Tests use this; the app uses getDb(). */
export async function createDb(opts: CreateDbOptions = {}): Promise<DbHandle> {
  const migrationsFolder = opts.migrationsFolder ?? defaultMigrationsFolder();
  if (opts.url) return openPostgres(opts.url, migrationsFolder, opts);
  return openPglite(opts.memory || !opts.dataDir ? undefined : opts.dataDir, migrationsFolder);
}

async function openPglite(dataDir: string | undefined, migrationsFolder: string): Promise<DbHandle> {
  let client: PGlite;
  if (dataDir) {
    // PGlite creates its own folder but not the parents.
    fs.mkdirSync(dataDir, { recursive: true });
    client = await PGlite.create(path.join(dataDir, 'pglite'));
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  engines.set(db, 'pglite');
  let closed = false;
  return {
    db,
    engine: 'pglite',
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

async function openPostgres(url: string, migrationsFolder: string, opts: CreateDbOptions): Promise<DbHandle> {
  const pgSchema = opts.pgSchema;
  if (pgSchema !== undefined && !SCHEMA_NAME.test(pgSchema)) {
    throw new Error(`pgSchema "${pgSchema}" must be lower-case letters, digits and underscores`);
  }
  const statementTimeoutMs = Math.round(opts.statementTimeoutMs ?? 15_000);
  // Options already in the URL (e.g. ?options=-c search_path=…) are kept; ours come after them.
  let urlOptions: string | null = null;
  try {
    urlOptions = new URL(url).searchParams.get('options');
  } catch {
    /* a key=value connection string: no URL options */
  }
  // jit=off: the console's statements are short reads and writes, where compiling them costs more than it saves
  // (measured on the insights page's statement: 270 ms of JIT for 190 ms of execution).
  const serverOptions = [
    ...(urlOptions ? [urlOptions] : []),
    `-c statement_timeout=${statementTimeoutMs}`,
    `-c idle_in_transaction_session_timeout=${statementTimeoutMs * 2}`,
    '-c jit=off',
  ];
  if (pgSchema) serverOptions.push(`-c search_path=${pgSchema}`);
  const pool = new Pool({
    connectionString: url,
    max: opts.maxConnections ?? 10,
    connectionTimeoutMillis: Math.round(opts.connectTimeoutMs ?? 5_000),
    // The server cancels a long statement; query_timeout covers a server that stopped answering at all.
    query_timeout: statementTimeoutMs + 5_000,
    options: serverOptions.join(' '),
  });
  // An idle client's error (server restart, network cut) must not crash the process; the pool replaces it.
  pool.on('error', (error) => log('warn', 'db.pool_error', { error: redactText(error.message, [url]) }));

  try {
    const client = await pool.connect();
    try {
      if (opts.requireSandboxMark && !(await hasSandboxMark(client))) throw new SandboxDatabaseError();
      // Several console instances may start at once against one database: migrate one at a time.
      const lockKey = `storedesk:migrate:${pgSchema ?? 'public'}`;
      // Waiting for another instance's migrations may take longer than one statement may.
      await client.query('SET statement_timeout = 0');
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
      try {
        if (pgSchema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${pgSchema}"`);
        await migratePg(drizzlePg({ client, schema }), {
          migrationsFolder,
          ...(pgSchema ? { migrationsSchema: pgSchema } : {}),
        });
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
        await client.query('RESET statement_timeout');
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  const db = drizzlePg({ client: pool, schema });
  engines.set(db, 'postgres');
  let closed = false;
  return {
    db,
    engine: 'postgres',
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

// Next may load this module more than once per process; PGlite allows one instance per data folder.
const globalForDb = globalThis as unknown as { __storedeskDb?: Promise<DbHandle> };

/** The process's database, opened and migrated on first use; concurrent first callers share one promise. */
export function getDb(): Promise<Db> {
  return getDbHandle().then((handle) => handle.db);
}

export function getDbHandle(): Promise<DbHandle> {
  let pending = globalForDb.__storedeskDb;
  if (!pending) {
    const config = getConfig();
    const { url, dataDir, connectTimeoutMs, statementTimeoutMs } = config.database;
    const opening = createDb(url ? { url, connectTimeoutMs, statementTimeoutMs, requireSandboxMark: config.sandbox } : { dataDir: path.resolve(dataDir) })
      .then((handle) => {
        log('info', 'db.ready', { engine: handle.engine });
        return handle;
      })
      .catch((error: unknown) => {
        // A database that was down at boot may come back: let the next caller try again.
        if (globalForDb.__storedeskDb === opening) globalForDb.__storedeskDb = undefined;
        log('error', 'db.open_failed', { error: error instanceof Error ? error : String(error) });
        throw error;
      });
    globalForDb.__storedeskDb = opening;
    pending = opening;
  }
  return pending;
}

/** Closes the process's database (graceful shutdown). The next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const pending = globalForDb.__storedeskDb;
  globalForDb.__storedeskDb = undefined;
  if (pending) await (await pending.catch(() => undefined))?.close();
}

export type PingResult = { ok: true; latencyMs: number } | { ok: false; latencyMs: number; error: string };

/** A round trip to the database, for the health route. Never throws. */
export async function pingDb(db: Db): Promise<PingResult> {
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: redactText(message).slice(0, 200) };
  }
}
