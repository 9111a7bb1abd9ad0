// `npm run db:migrate` (and the one-shot container command `node scripts/db-migrate.mjs` in the image):
// applies pending migrations (lib/db/migrations) once per deploy, then exits. PostgreSQL (DATABASE_URL) under
// the same advisory lock the console takes at start (lib/db/index.ts), so a console starting meanwhile waits
// instead of migrating alongside; without DATABASE_URL, the embedded PGlite database under DATA_DIR.
// Plain JavaScript so that it runs from the standalone output, where no TypeScript tooling exists.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const migrationsFolder = process.env.MIGRATIONS_DIR ?? path.join(here, '..', 'lib', 'db', 'migrations');
const url = process.env.DATABASE_URL;

async function migratePostgres() {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: Number(process.env.DB_CONNECT_TIMEOUT_MS || 5000) });
  await client.connect();
  try {
    // The lock key of lib/db/index.ts (public schema): one migration run at a time across instances.
    const lockKey = 'storedesk:migrate:public';
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
    const { rows } = await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

async function migratePglite() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dataDir = path.resolve(process.env.DATA_DIR || '.data', 'pglite');
  const client = new PGlite(dataDir);
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
    const { rows } = await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    return rows[0].n;
  } finally {
    await client.close();
  }
}

try {
  const applied = url ? await migratePostgres() : await migratePglite();
  console.log(JSON.stringify({ t: new Date().toISOString(), level: 'info', event: 'db.migrated', engine: url ? 'postgresql' : 'pglite', migrations: applied }));
} catch (error) {
  // The driver's message, never the connection string (it may carry a password).
  const message = String(error instanceof Error ? error.message : error).split(url || '\u0000').join('[database url]');
  console.error(JSON.stringify({ t: new Date().toISOString(), level: 'error', event: 'db.migrate_failed', error: message }));
  process.exit(1);
}
