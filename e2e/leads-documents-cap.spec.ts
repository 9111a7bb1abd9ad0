/**
 * Issue 18, point 4: a document over the 10 MB per-file cap is refused with a clear message, in the browser and
 * at the upload route itself, and nothing is stored or sent to Footprints; a small PDF on the same path goes
 * through (the refusal is the cap, not a door that refuses everything).
 */
import type { APIRequestContext } from '@playwright/test';
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, gotoHydrated, runTag, test } from './fixtures';
import { freshPipeline } from './leads-support';

const ANA = FOOTPRINTS_DEMO.demoLeadIds[0];
const MB = 1024 * 1024;

/** A file the PDF checks accept by type and content, of `bytes` bytes. */
function pdfOf(bytes: number): Buffer {
  const pdf = Buffer.alloc(bytes, 0x20);
  pdf.write('%PDF-1.4\n', 0, 'latin1');
  pdf.write('\n%%EOF\n', bytes - 7, 'latin1');
  return pdf;
}

async function documentCalls(request: APIRequestContext, since: string): Promise<number> {
  const { requests } = (await (await request.get('/sandbox/_control/requests?vendor=footprints')).json()) as { requests: { path: string; at: string }[] };
  return requests.filter((r) => r.at >= since && /\/(contracts|offers|consents|documents)/.test(r.path)).length;
}

test('a PDF over 10 MB is refused in the browser with the reason, and nothing is sent or stored', async ({ page }) => {
  test.setTimeout(120_000);
  await freshPipeline(page, 'q=ana.popescu');
  await gotoHydrated(page, `/leads/${ANA}`);
  const name = `big-contract-${runTag()}.pdf`;
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes(`/leads/${ANA}/documents`)) posts.push(r.url());
  });
  const since = new Date().toISOString();
  const upload = page.getByRole('form', { name: 'Upload documents' });
  await upload.getByLabel(/PDF files/).setInputFiles({ name, mimeType: 'application/pdf', buffer: pdfOf(11 * MB) });
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(upload.getByTestId('upload-error')).toHaveText(`${name} is 11.0 MB; the limit is 10 MB per file.`);
  expect(posts).toEqual([]);
  expect(await documentCalls(page.request, since)).toBe(0);
  await page.reload();
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
  await expect(page.getByRole('heading', { name: 'Documents', exact: true })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
});

test('the upload route itself refuses a file over 10 MB with the reason; a small PDF on the same path is stored', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await freshPipeline(page, 'q=ana.popescu');
  const tag = runTag();
  const big = `big-offer-${tag}.pdf`;
  const small = `small-offer-${tag}.pdf`;
  const since = new Date().toISOString();
  // Straight at the route, as a script or an old browser tab would (the browser's own check is skipped).
  const refused = await page.request.post(`/leads/${ANA}/documents`, {
    headers: { origin: baseURL! },
    multipart: { documentType: 'offers', files: { name: big, mimeType: 'application/pdf', buffer: pdfOf(10.5 * MB) } },
  });
  expect(refused.status()).toBe(400);
  const answer = (await refused.json()) as { ok: boolean; error: { code: string; message: string } };
  expect(answer.ok).toBe(false);
  expect(answer.error.code).toBe('validation');
  expect(answer.error.message).toBe(`${big} is 10.5 MB; the limit is 10 MB per file.`);
  expect(await documentCalls(page.request, since)).toBe(0);

  const accepted = await page.request.post(`/leads/${ANA}/documents`, {
    headers: { origin: baseURL! },
    multipart: { documentType: 'offers', files: { name: small, mimeType: 'application/pdf', buffer: pdfOf(64 * 1024) } },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  expect(await documentCalls(page.request, since)).toBe(1);

  await gotoHydrated(page, `/leads/${ANA}`);
  await expect(page.getByTestId('documents')).toContainText(small);
  await expect(page.getByTestId('documents')).not.toContainText(big);
});
