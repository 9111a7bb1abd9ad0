// Marks the PostgreSQL database at DATABASE_URL as a throwaway sandbox database, so that the console
// accepts SANDBOX=1 together with DATABASE_URL (it refuses otherwise: sandbox mode seeds demo admins).
// Applies the console's migrations first (console_settings is one of its tables).
import path from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to mark as a sandbox database.');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5000 });
try {
  await migrate(drizzle({ client: pool }), { migrationsFolder: path.join(process.cwd(), 'lib', 'db', 'migrations') });
  await pool.query(
    `INSERT INTO console_settings (key, value, updated_at) VALUES ('sandbox', 'yes', now())
     ON CONFLICT (key) DO UPDATE SET value = 'yes', updated_at = now()`,
  );
  console.log('Marked as a sandbox database: SANDBOX=1 may now run against it.');
} finally {
  await pool.end();
}
