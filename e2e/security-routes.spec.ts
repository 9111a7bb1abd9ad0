/**
 * Issue 11, point 6: the document upload refuses a foreign-origin request and an over-size chunked body
 * (while reading it) without anything reaching Footprints; point 7: /api/health answers 200 during a
 * vendor outage and sends nothing to any vendor, and vendor state is an admin-only page.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { expect, gotoHydrated, storageStateFor, test } from './fixtures';
import { ORIGIN } from './security-support';
import { clearFaults, setFaults } from './capture-support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function cookieHeader(role: 'manager' | 'admin'): string {
  const state = JSON.parse(readFileSync(storageStateFor(role), 'utf8')) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

async function vendorRequestsSince(request: import('@playwright/test').APIRequestContext, since: string) {
  const { requests } = (await (await request.get('/sandbox/_control/requests')).json()) as { requests: { vendor: string; method: string; path: string; at: string }[] };
  return requests.filter((r) => r.at >= since);
}

async function documentCalls(request: import('@playwright/test').APIRequestContext, since: string): Promise<number> {
  const { requests } = (await (await request.get('/sandbox/_control/requests?vendor=footprints')).json()) as { requests: { path: string; at: string }[] };
  return requests.filter((r) => r.at >= since && /\/(contracts|offers|consents|documents)/.test(r.path)).length;
}

test.describe('the document upload door', () => {
  test.use({ storageState: storageStateFor('manager') });

  test('refuses a foreign-origin upload before anything reaches Footprints', async ({ request }) => {
    const since = new Date().toISOString();
    const res = await request.post('/leads/any-lead/documents', {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      multipart: { documentType: 'contracts', files: { name: 'contract.pdf', mimeType: 'application/pdf', buffer: PDF } },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe('cross_origin');
    expect(await documentCalls(request, since)).toBe(0);
  });

  test('refuses an over-size chunked upload while it streams, never reading it whole', async ({ request }) => {
    const since = new Date().toISOString();
    const cap = 5 * 10 * 1024 * 1024 + 1024 * 1024;
    const chunk = Buffer.alloc(256 * 1024, 0x41);
    const result = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let done = false;
      const req = http.request(`${ORIGIN}/leads/any-lead/documents`, {
        method: 'POST',
        // No Content-Length: Transfer-Encoding: chunked, an endless body.
        headers: { origin: ORIGIN, cookie: cookieHeader('manager'), 'content-type': 'multipart/form-data; boundary=xyz' },
      });
      req.on('response', (res) => {
        done = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      });
      req.on('error', (error) => (done ? undefined : reject(error)));
      const pump = () => {
        while (!done && sent < cap * 3) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!done) req.end();
      };
      pump();
    });
    expect(result.status).toBe(413);
    // The server answered before the client could send three times the cap.
    expect(result.sent).toBeLessThan(cap * 3);
    expect(await documentCalls(request, since)).toBe(0);
  });
});

test('/api/health answers 200 during a full vendor outage and sends nothing to any vendor', async ({ request }) => {
  await setFaults(request, { vendor: 'all', outage: true });
  try {
    const since = new Date().toISOString();
    for (let i = 0; i < 5; i++) {
      const res = await request.get('/api/health');
      expect(res.status()).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ status: 'ok', database: { ok: true } });
      expect(JSON.stringify(body)).not.toMatch(/footprints|netcore|loyalty/i);
    }
    const seen = await vendorRequestsSince(request, since);
    // The background lead sync may read Footprints leads on its own schedule; health adds nothing anywhere
    // (it used to GET /api/token, the Netcore and loyalty endpoints on every call).
    expect(seen.filter((r) => r.vendor !== 'footprints')).toEqual([]);
    expect(seen.filter((r) => r.vendor === 'footprints' && !r.path.startsWith('/api/lead'))).toEqual([]);
  } finally {
    await clearFaults(request);
  }
});

test.describe('vendor state', () => {
  test.use({ storageState: storageStateFor('admin') });
  test('is shown to admins, from the console’s real calls, and to nobody else', async ({ page, browser }) => {
    await gotoHydrated(page, '/admin/security');
    await expect(page.getByRole('heading', { name: 'Vendors, as this console instance sees them' })).toBeVisible();
    for (const v of ['footprints', 'netcore', 'loyalty']) await expect(page.getByTestId(`vendor-${v}`)).toBeVisible();
    // The suite has signed in through Footprints by now: a real call, seen.
    await expect(page.getByTestId('vendor-footprints')).not.toContainText('no calls yet');

    const manager = await browser.newContext({ storageState: storageStateFor('manager') });
    const res = await (await manager.newPage()).goto('/admin/security');
    expect(res?.status()).toBe(403);
    await manager.close();
  });
});
