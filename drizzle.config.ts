/**
 * drizzle-kit settings. `npx drizzle-kit generate` needs no database. Commands that connect
 * (studio, push) use DATABASE_URL, or the embedded PGlite folder — only while no console process has it open.
 */
import { defineConfig } from 'drizzle-kit';

const url = process.env.DATABASE_URL?.trim();
const dataDir = process.env.DATA_DIR?.trim() || '.data';

export default defineConfig({
  dialect: 'postgresql',
  // The core tables (lib/db/schema.ts) and each feature's own (lib/<feature>/schema.ts).
  schema: './lib/*/schema.ts',
  out: './lib/db/migrations',
  strict: true,
  verbose: true,
  ...(url ? { dbCredentials: { url } } : { driver: 'pglite' as const, dbCredentials: { url: `${dataDir}/pglite` } }),
});
