/**
 * Journey: a restart of the server while a lead waits loses nothing. This spec runs its own `next start`
 * (port 3250, its own DATA_DIR under .data/): Footprints in outage, a capture is saved, the server stops and
 * starts again on the same database (the sandbox's memory starts afresh), and the lead then arrives in the
 * restarted server's Footprints sandbox exactly once, without anyone acting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, gotoHydrated, signInAs, test } from './fixtures';
import { captureResult, fillRequired, footprintsLeadsByEmail, sandboxRequests, setFaults, uniqueEmail, openCaptureSections } from './capture-support';

const PORT = 3250;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA_DIR = `.data/capture-restart-${PORT}`;
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';

test.use({ baseURL: ORIGIN });
test.describe.configure({ mode: 'serial' });

let server: ChildProcess | undefined;

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    env: { ...process.env, PORT: String(PORT), SANDBOX: '1', DATA_DIR, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', HOSTNAME: '127.0.0.1' },
    stdio: 'pipe',
  });
  child.stdout?.resume();
  child.stderr?.resume();
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${ORIGIN}/sandbox/_control`);
      if (res.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the console did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('a lead waiting in the queue survives a restart and then arrives exactly once', async ({ page, request }) => {
  test.setTimeout(180_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  server = await startServer();

  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await setFaults(request, { vendor: 'footprints', outage: true }, ORIGIN);
  const email = uniqueEmail('restart');
  await fillRequired(page, { first: 'Stefan', last: 'Matei', email });
  await openCaptureSections(page, ['Store and offer']);
  await page.getByLabel('Location', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Offer category', { exact: true }).selectOption({ label: 'Garden & outdoor' });
  await page.getByLabel('Offer', { exact: true }).selectOption({ label: 'Pressure washer' });
  await page.getByLabel('Consultant', { exact: true }).selectOption({ index: 2 });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Saved — will sync');
  await expect(page.getByTestId('my-submission').filter({ hasText: 'Stefan M.' })).toHaveAttribute('data-state', 'waiting');

  // Stop the server while the lead waits; start it again on the same database.
  await stopServer(server);
  server = await startServer();
  // The restarted sandbox starts without faults: put Footprints in outage again at once, so the waiting job is
  // seen to survive before it is delivered (the worker may have been quicker — then it is already there, once).
  await setFaults(request, { vendor: 'footprints', outage: true }, ORIGIN);
  const deliveredEarly = (await sandboxRequests(request, 'footprints', ORIGIN)).filter((r) => r.method === 'POST' && r.path === '/api/lead' && r.status === 200).length;
  expect(deliveredEarly).toBeLessThanOrEqual(1);

  // Her session lives in the database: the same tablet sees her list after the restart, the lead still in it.
  await gotoHydrated(page, '/capture');
  // Footprints is down (and the new sandbox knows no earlier token): the catalogues are missing, said plainly,
  // and the form still takes input.
  await expect(page.getByTestId('catalogue-warning')).toContainText('Could not load store locations');
  await page.getByLabel('First name', { exact: true }).fill('Typing works');
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Typing works');
  const row = page.getByTestId('my-submission').filter({ hasText: 'Stefan M.' });
  await expect(row).toHaveCount(1);
  if (deliveredEarly === 0) await expect(row).toHaveAttribute('data-state', 'waiting');

  await setFaults(request, { vendor: 'footprints', outage: false }, ORIGIN);
  await expect.poll(async () => (await footprintsLeadsByEmail(request, email, ORIGIN)).length, { timeout: 90_000, intervals: [1_000] }).toBe(1);
  await expect(row).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  await page.waitForTimeout(4_000);
  expect(await footprintsLeadsByEmail(request, email, ORIGIN)).toHaveLength(1);
  expect((await sandboxRequests(request, 'footprints', ORIGIN)).filter((r) => r.method === 'POST' && r.path === '/api/lead' && r.status === 200)).toHaveLength(1);
});
