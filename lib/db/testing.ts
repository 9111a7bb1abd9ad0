/**
 * Test support: every database test runs on embedded PGlite (in memory) and, when TEST_DATABASE_URL
 * (or DATABASE_URL) is set, on PostgreSQL too, each PostgreSQL test database in a fresh schema that is
 * dropped afterwards. Not for application code.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDb, type DbHandle, type DbEngine } from './index';

export const testPostgresUrl: string | undefined = process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim() || undefined;

/** The engines this run covers: PGlite always, PostgreSQL when a URL is set. */
export const testEngines: DbEngine[] = testPostgresUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb extends DbHandle {
  /** Opens a second, independent connection (its own PGlite instance is impossible; PostgreSQL: its own pool) to the same data. */
  openAnother(): Promise<DbHandle>;
  /** Drops the PostgreSQL schema (after close). */
  dispose(): Promise<void>;
}

export function freshSchemaName(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database on the given engine. */
export async function openTestDb(engine: DbEngine): Promise<TestDb> {
  if (engine === 'pglite') {
    const handle = await createDb({ memory: true });
    return {
      ...handle,
      openAnother: () => Promise.reject(new Error('an in-memory PGlite cannot be opened twice')),
      dispose: () => handle.close(),
    };
  }
  const url = testPostgresUrl;
  if (!url) throw new Error('openTestDb("postgres") needs TEST_DATABASE_URL');
  const pgSchema = freshSchemaName();
  const handle = await createDb({ url, pgSchema });
  const others: DbHandle[] = [];
  return {
    ...handle,
    openAnother: async () => {
      const other = await createDb({ url, pgSchema });
      others.push(other);
      return other;
    },
    dispose: async () => {
      await Promise.all([handle.close(), ...others.map((o) => o.close())]);
      await dropSchema(url, pgSchema);
    },
  };
}

export { dropSchema };

/** The message of an error and of its causes (drizzle wraps driver errors). */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof Error) {
      parts.push(current.message);
      current = (current as Error & { cause?: unknown }).cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(' | ');
}
