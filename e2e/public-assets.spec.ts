/** The favicon, the icons and the web app manifest answer from the built console and every page links them. */
import { expect, gotoHydrated, signInAs, test } from './fixtures';

function pngSize(buf: Buffer): string {
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return `${buf.readUInt32BE(16)}x${buf.readUInt32BE(20)}`;
}

test('favicon and manifest answer 200; every icon listed exists with its declared size; pages link them', async ({ page, request }) => {
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);

  const res = await request.get('/manifest.webmanifest');
  expect(res.status()).toBe(200);
  const manifest = (await res.json()) as { name: string; icons: { src: string; sizes: string; purpose?: string }[] };
  expect(manifest.name).toBe('Storedesk');
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
  }

  // Signed out (the sign-in page) and signed in (a desk): both link the manifest and the favicon.
  await gotoHydrated(page, '/login');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await signInAs(page, 'manager');
  await gotoHydrated(page, '/leads');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
});
