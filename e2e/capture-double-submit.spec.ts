/** Journey: a double-click on submit (and a re-submit of the same form) makes exactly one lead. */
import { expect, gotoHydrated, signInAs, test, uniqueFirstName } from './fixtures';
import { captureResult, clearFaults, clearRequests, fillRequired, NOTHING_MORE_MS, sandboxRequests, setFaults, uniqueEmail } from './capture-support';

// Faults are cleared whatever happens in a test, so a failing journey never breaks the next one.
test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test('a double-click on Save makes one lead', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await clearRequests(request);
  // A slow vendor widens the window for a second tap.
  await setFaults(request, { vendor: 'footprints', latencyMs: 400 });
  const first = uniqueFirstName('Vlad');
  const email = uniqueEmail('double');
  await fillRequired(page, { first, last: 'Enache', email });
  await page.getByRole('button', { name: 'Save lead' }).dblclick();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  // Past a retry's backoff and a worker poll: a second POST would have been made by now.
  await page.waitForTimeout(NOTHING_MORE_MS);
  const posts = (await sandboxRequests(request, 'footprints', '', email)).filter((r) => r.method === 'POST' && r.path === '/api/lead');
  expect(posts).toHaveLength(1);
  await expect(page.getByTestId('my-submission').filter({ hasText: `${first} E.` })).toHaveCount(1);
});

test('the same form sent twice by the browser (a network retry) makes one lead', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  await clearRequests(request);
  // Replay the save action's POST once more, as a flaky network would, with the very same body. Only the save
  // carries the consent wording version: the duplicate check's POST (which also carries the e-mail, on blur)
  // must not be the one replayed, or this test would pass with a capture that does not dedupe.
  let replayed = false;
  await page.route('**/capture', async (route) => {
    const req = route.request();
    const body = req.postData() ?? '';
    if (req.method() === 'POST' && !replayed && body.includes('@example.com') && body.includes('consentWordingVersion')) {
      replayed = true;
      const first = await page.request.fetch(req); // the first copy
      expect(first.status()).toBe(200);
    }
    await route.continue();
  });
  const email = uniqueEmail('replay');
  await fillRequired(page, { first: 'Sorin', last: 'Dobre', email });
  await page.getByRole('button', { name: 'Save lead' }).click();
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  expect(replayed).toBe(true);
  await page.waitForTimeout(NOTHING_MORE_MS);
  const posts = (await sandboxRequests(request, 'footprints', '', email)).filter((r) => r.method === 'POST' && r.path === '/api/lead');
  expect(posts).toHaveLength(1);
});

// The double-click above is also stopped by the button turning busy between the clicks, and the server's
// dedupe would still make one lead: it cannot show that the form's own guard works. Two submits in the same
// task, before React can re-render the button, leave that guard alone in front of the save: the browser must
// send the save once (the server's dedupe is tested on its own by the replay above).
test('two submits in one instant, before the button can turn busy, send the save once', async ({ page, request }) => {
  await clearFaults(request);
  await signInAs(page, 'hostess');
  await gotoHydrated(page, '/capture');
  const email = uniqueEmail('instant');
  await fillRequired(page, { first: uniqueFirstName('Radu'), last: 'Toma', email });
  const saves: string[] = [];
  page.on('request', (req) => {
    const body = req.postData() ?? '';
    // Only the save carries the consent wording version (the duplicate check carries the e-mail too).
    if (req.method() === 'POST' && body.includes(email) && body.includes('consentWordingVersion')) saves.push(req.url());
  });
  await page.locator('form[aria-describedby="page-title"]').evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(captureResult(page)).toContainText('Sent — Footprints lead');
  await page.waitForTimeout(1_000);
  expect(saves).toHaveLength(1);
  const posts = (await sandboxRequests(request, 'footprints', '', email)).filter((r) => r.method === 'POST' && r.path === '/api/lead');
  expect(posts).toHaveLength(1);
});
