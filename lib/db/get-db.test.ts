import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// getDb() reads the process configuration: point it at an empty temp folder, embedded engine.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-getdb-'));
process.env.DATA_DIR = tmp;
process.env.DATABASE_URL = '';
(globalThis as { __storedeskConfig?: unknown }).__storedeskConfig = undefined;

describe('getDb (process singleton)', () => {
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('opens one embedded database for concurrent first callers, under DATA_DIR/pglite', async () => {
    const { getDb, getDbHandle, closeDb, pingDb } = await import('./index');
    const [a, b, c] = await Promise.all([getDb(), getDb(), getDb()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect((await getDbHandle()).engine).toBe('pglite');
    expect((await pingDb(a)).ok).toBe(true);
    expect(fs.existsSync(path.join(tmp, 'pglite'))).toBe(true);

    // A second copy of the module (Next can load one twice) shares the same instance.
    const { vi } = await import('vitest');
    vi.resetModules();
    const again = await import('./index');
    expect(await again.getDb()).toBe(a);

    await closeDb();
    const reopened = await getDb();
    expect(reopened).not.toBe(a);
    expect((await pingDb(reopened)).ok).toBe(true);
    await closeDb();
    // It creates and migrates an embedded database twice: under a loaded machine that took over the 30 s default.
  }, 120_000);
});
