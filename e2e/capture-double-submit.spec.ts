/** Journey: a double-click on submit (and a re-submit of the same form) makes exactly one lead. */
import { expect, gotoHydrated, signInAs, test } from './fixtures';
import { captureResult, clearFaults, clearRequests, fillRequired, sandboxRequests, setFaults, uniqueEmail } from './capture-support';

test('a double-click on Save makes one lead', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await clearRequests(request);
  // A slow vendor widens the window for a second tap.
  await setFaults(request, { vendor: 'footprints', latencyMs: 400 });
  await fillRequired(page, { first: 'Vlad', last: 'Enache', email: uniqueEmail('double') });
  await page.getByRole('button', { name: 'Save lead' }).dblclick();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  await page.waitForTimeout(1_500);
  const posts = (await sandboxRequests(request, 'footprints')).filter((r) => r.method === 'POST' && r.path === '/api/lead');
  expect(posts).toHaveLength(1);
  await expect(page.getByTestId('my-submission').filter({ hasText: 'Vlad E.' })).toHaveCount(1);
  await clearFaults(request);
});

test('the same form sent twice by the browser (a network retry) makes one lead', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await clearRequests(request);
  // Replay the action's POST once more, as a flaky network would, with the very same body.
  let replayed = false;
  await page.route('**/capture', async (route) => {
    const req = route.request();
    if (req.method() === 'POST' && !replayed && (req.postData() ?? '').includes('@example.com')) {
      replayed = true;
      await page.request.fetch(req); // the first copy
    }
    await route.continue();
  });
  await fillRequired(page, { first: 'Sorin', last: 'Dobre', email: uniqueEmail('replay') });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  expect(replayed).toBe(true);
  const posts = (await sandboxRequests(request, 'footprints')).filter((r) => r.method === 'POST' && r.path === '/api/lead');
  expect(posts).toHaveLength(1);
});
