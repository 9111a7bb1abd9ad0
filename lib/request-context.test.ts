/**
 * Issue 17: every log line of a request carries its request id — the client's x-request-id when it is a plain
 * token, else a generated one — across awaits, without two concurrent requests mixing; the id comes back on the
 * response; lines outside a request carry none. A real Node HTTP server, as Next's server is one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { log, setLogLevel, setLogSink } from '@/lib/log';
import { toActionError } from '@/lib/auth/action';
import { logRequestError } from '@/lib/http/request-errors';
import { currentRequestId, installRequestContext, requestIdFrom, runWithRequestId } from '@/lib/request-context';

const lines: Record<string, unknown>[] = [];
let server: Server;
let base = '';
let prevSink: ReturnType<typeof setLogSink>;

beforeAll(async () => {
  installRequestContext();
  prevSink = setLogSink((_level, line) => lines.push(JSON.parse(line)));
  server = createServer(async (req, res) => {
    const tag = new URL(req.url!, 'http://x').searchParams.get('tag')!;
    log('info', 'test.first', { tag });
    await new Promise((r) => setTimeout(r, 30));
    log('info', 'test.second', { tag });
    await Promise.resolve().then(() => log('warn', 'test.third', { tag }));
    res.end(currentRequestId());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  setLogSink(prevSink);
  await new Promise((r) => server.close(r));
});

describe('request id', () => {
  it("every line of a request carries the client's x-request-id; concurrent requests keep their own; the response echoes it", async () => {
    const ids = ['req-aaaaaaaa-1', 'req-bbbbbbbb-2', 'req-cccccccc-3'];
    const answers = await Promise.all(ids.map((id, i) => fetch(`${base}/?tag=t${i}`, { headers: { 'x-request-id': id } })));
    for (const [i, res] of answers.entries()) {
      expect(res.headers.get('x-request-id')).toBe(ids[i]);
      expect(await res.text()).toBe(ids[i]);
      const mine = lines.filter((l) => l.tag === `t${i}`);
      expect(mine.map((l) => l.event)).toEqual(['test.first', 'test.second', 'test.third']);
      for (const l of mine) expect(l.requestId).toBe(ids[i]);
    }
  });

  it('a missing or unsafe x-request-id is replaced by a generated one', async () => {
    const res = await fetch(`${base}/?tag=gen`, { headers: { 'x-request-id': 'bad id with "quotes" and spaces' } });
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    for (const l of lines.filter((x) => x.tag === 'gen')) expect(l.requestId).toBe(id);
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom('x'.repeat(65))).not.toBe('x'.repeat(65));
  });

  it('lines outside a request carry no request id', () => {
    log('info', 'test.outside');
    expect(lines.at(-1)).toMatchObject({ event: 'test.outside' });
    expect(lines.at(-1)).not.toHaveProperty('requestId');
  });

  it("the reference a member of staff is shown for an unexpected error is in the log line, with the request's id", () => {
    const result = runWithRequestId('req-staff-ref-1', () => toActionError(new Error('boom'), 'capture.submit'));
    expect(result.ok).toBe(false);
    const ref = !result.ok ? result.error.ref! : '';
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(!result.ok && result.error.message).toContain(ref);
    expect(lines.at(-1)).toMatchObject({ event: 'action.unexpected_error', ref, requestId: 'req-staff-ref-1', level: 'error' });
  });

  it("a page's error reference (Next's digest, shown by app/error.tsx) is in that request's log line, over real HTTP", async () => {
    const errorServer = createServer((req, res) => {
      // What Next does when a page throws: onRequestError (instrumentation.ts) with the error and its digest.
      const error = Object.assign(new Error('database went away'), { digest: '2718281828' });
      logRequestError(error, { path: req.url!, method: req.method!, headers: req.headers }, { routerKind: 'App Router', routePath: '/leads/[id]', routeType: 'render', renderSource: 'react-server-components', revalidateReason: undefined });
      res.statusCode = 500;
      res.end(`reference ${error.digest}`);
    });
    await new Promise<void>((r) => errorServer.listen(0, '127.0.0.1', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(errorServer.address() as AddressInfo).port}/leads/abc`, { headers: { 'x-request-id': 'req-page-error-7' } });
      const shown = (await res.text()).split(' ')[1];
      const line = lines.find((l) => l.event === 'request.error' && l.ref === shown);
      expect(line).toMatchObject({ level: 'error', ref: '2718281828', requestId: 'req-page-error-7', route: '/leads/[id]' });
    } finally {
      await new Promise<void>((r) => errorServer.close(() => r()));
    }
  });

  it('LOG_LEVEL: lines below the level are dropped', () => {
    const before = lines.length;
    setLogLevel('warn');
    try {
      log('info', 'test.quiet');
      log('warn', 'test.loud');
    } finally {
      setLogLevel('info');
    }
    expect(lines.slice(before).map((l) => l.event)).toEqual(['test.loud']);
  });
});
