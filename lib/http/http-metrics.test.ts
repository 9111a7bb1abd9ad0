/** Issue 17: HTTP requests are counted by route pattern and status when each response finishes. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeries, seriesMoved } from '@/lib/testing/metrics';
import { installHttpMetrics } from './http-metrics';

let server: http.Server;
let base = '';
beforeAll(async () => {
  installHttpMetrics();
  server = http.createServer((req, res) => {
    res.statusCode = req.url?.startsWith('/leads/') ? 404 : 200;
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HTTP request metrics', () => {
  it('counts each response by route pattern and status', async () => {
    const series = {
      lead404: ['storedesk_http_requests_total', { route: '/leads/[id]', status: '404' }],
      capture200: ['storedesk_http_requests_total', { route: '/capture', status: '200' }],
    } as const;
    const before = await readSeries(series);
    await (await fetch(`${base}/leads/65f1a2b3c4d5e6f708192a3b`)).text();
    await (await fetch(`${base}/leads/75f1a2b3c4d5e6f708192a3c?x=1`)).text();
    await (await fetch(`${base}/capture`)).text();
    await expect.poll(async () => seriesMoved(series, before)).toEqual({ lead404: 2, capture200: 1 });
  });
});
