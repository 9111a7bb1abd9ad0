/**
 * Sandbox mode writes demo role assignments and serves demo logins: it must never run against a real
 * database by accident. With SANDBOX=1 and DATABASE_URL the database must carry the sandbox mark
 * (console_settings.sandbox = 'yes', set by `node scripts/mark-sandbox-db.mjs`). The embedded database
 * under DATA_DIR is the console's own and needs no mark. The mark is checked before the database is migrated
 * (lib/db, `requireSandboxMark`), so an unmarked database is never written to; this check runs again at start.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { AppConfig } from '@/lib/config';
import { SandboxDatabaseError, type Db } from '@/lib/db';
import { consoleSettings } from './schema';

export { SandboxDatabaseError };

export const SANDBOX_MARK_KEY = 'sandbox';

export async function isMarkedSandboxDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select().from(consoleSettings).where(eq(consoleSettings.key, SANDBOX_MARK_KEY)).limit(1);
  return row?.value === 'yes';
}

export async function assertSandboxDatabaseAllowed(db: Db, config: Pick<AppConfig, 'sandbox' | 'database'>): Promise<void> {
  if (config.sandbox && config.database.url && !(await isMarkedSandboxDatabase(db))) throw new SandboxDatabaseError();
}
