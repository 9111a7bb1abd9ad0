/** Issue 11, point 9: on PostgreSQL a statement that runs too long is cancelled instead of hanging a request. */
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './index';
import { dropSchema, freshSchemaName } from './testing';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('PostgreSQL timeouts', () => {
  // One schema for this file, dropped afterwards (createDb migrates it on open).
  const schema = freshSchemaName('timeouts');
  afterAll(() => dropSchema(url!, schema));

  it('cancels a statement past DB_STATEMENT_TIMEOUT_MS', async () => {
    const handle = await createDb({ url, pgSchema: schema, statementTimeoutMs: 300 });
    try {
      const started = Date.now();
      await expect(handle.db.execute(sql`select pg_sleep(5)`)).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await handle.close();
    }
  });

  it('runs statements without JIT compilation (it cost more than the insights statement itself)', async () => {
    const handle = await createDb({ url, pgSchema: schema });
    try {
      const result = (await handle.db.execute(sql`show jit`)) as unknown as { rows: { jit: string }[] };
      expect(result.rows[0].jit).toBe('off');
    } finally {
      await handle.close();
    }
  });

  it('gives up connecting to a database that does not answer', async () => {
    const started = Date.now();
    // 10.255.255.1 is not routed: the connection attempt hangs until the timeout.
    await expect(createDb({ url: 'postgres://u:p@10.255.255.1:5432/x', connectTimeoutMs: 300 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
