/**
 * Journey: a restart of the server while a lead waits loses nothing. This spec runs its own `next start`
 * (on a free port, its own DATA_DIR under .data/): Footprints in outage, a capture is saved, the server stops
 * and starts again on the same database with Footprints still down from its first request on
 * (SANDBOX_START_FAULTS), so the lead is seen waiting after the restart, every time; then Footprints comes
 * back and the lead arrives in the restarted server's sandbox exactly once, without anyone acting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { COLD_START_MS, expect, freePort, gotoHydrated, signInAs, test, uniqueFirstName, waitUntilUp } from './fixtures';
import { captureResult, fillRequired, footprintsLeadsByEmail, openCaptureSections, sandboxRequests, setFaults, uniqueEmail } from './capture-support';

const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
let PORT = 0;
let ORIGIN = '';
let DATA_DIR = '';

test.describe.configure({ mode: 'serial' });
// The port is picked in beforeAll; the page and request fixtures are made after it.
test.use({ baseURL: async ({}, provide) => provide(ORIGIN) });

let server: ChildProcess | undefined;

async function startServer(extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    env: { ...process.env, PORT: String(PORT), SANDBOX: '1', DATA_DIR, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', HOSTNAME: '127.0.0.1', ...extraEnv },
    stdio: 'pipe',
    // next start forks a child: a process group of its own lets stopServer end both.
    detached: true,
  });
  child.stdout?.resume();
  child.stderr?.resume();
  await waitUntilUp(`${ORIGIN}/sandbox/_control`, child);
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

test.beforeAll(async () => {
  PORT = await freePort();
  ORIGIN = `http://127.0.0.1:${PORT}`;
  DATA_DIR = `.data/capture-restart-${PORT}`;
});

test.afterAll(async () => {
  if (server) await stopServer(server);
  rmSync(DATA_DIR, { recursive: true, force: true });
});

test('a lead waiting in the queue survives a restart and then arrives exactly once', async ({ page, request }) => {
  // Two cold starts on a loaded machine, then delivery.
  test.setTimeout(2 * COLD_START_MS + 120_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  server = await startServer();

  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await setFaults(request, { vendor: 'footprints', outage: true }, ORIGIN);
  const email = uniqueEmail('restart');
  const first = uniqueFirstName('Stefan');
  await fillRequired(page, { first, last: 'Matei', email });
  await openCaptureSections(page, ['Store and offer']);
  await page.getByLabel('Location', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Offer category', { exact: true }).selectOption({ label: 'Garden & outdoor' });
  await page.getByLabel('Offer', { exact: true }).selectOption({ label: 'Pressure washer' });
  await page.getByLabel('Consultant', { exact: true }).selectOption({ index: 2 });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Saved — will sync');
  await expect(page.getByTestId('my-submission').filter({ hasText: `${first} M.` })).toHaveAttribute('data-state', 'waiting');

  // Stop the server while the lead waits; start it again on the same database, Footprints down from the start
  // (the test controls it: the worker cannot deliver before the test has seen the lead waiting).
  await stopServer(server);
  server = await startServer({ SANDBOX_START_FAULTS: JSON.stringify([{ vendor: 'footprints', outage: true }]) });
  expect((await sandboxRequests(request, 'footprints', ORIGIN)).filter((r) => r.method === 'POST' && r.path === '/api/lead' && r.status === 200)).toHaveLength(0);

  // Her session lives in the database: the same tablet sees her list after the restart, the lead still in it.
  await gotoHydrated(page, '/capture');
  // Footprints is down (and the new sandbox knows no earlier token): the catalogues are missing, said plainly,
  // and the form still takes input.
  await expect(page.getByTestId('catalogue-warning')).toContainText('Could not load store locations');
  await page.getByLabel('First name', { exact: true }).fill('Typing works');
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Typing works');
  const row = page.getByTestId('my-submission').filter({ hasText: `${first} M.` });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-state', 'waiting');

  await setFaults(request, { vendor: 'footprints', outage: false }, ORIGIN);
  await expect.poll(async () => (await footprintsLeadsByEmail(request, email, ORIGIN)).length, { timeout: 90_000, intervals: [1_000] }).toBe(1);
  await expect(row).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  // Past a retry's backoff (≥ 2 s) and the worker's poll: a second delivery would have shown by now.
  await page.waitForTimeout(8_000);
  expect(await footprintsLeadsByEmail(request, email, ORIGIN)).toHaveLength(1);
  expect((await sandboxRequests(request, 'footprints', ORIGIN)).filter((r) => r.method === 'POST' && r.path === '/api/lead' && r.status === 200)).toHaveLength(1);
});
