/**
 * Serves a Sandbox over real HTTP on 127.0.0.1 with Node's http module, at the same paths the console
 * mounts it (`/sandbox/...`). Used by vitest to test each vendor client against its simulator, and by
 * the benchmarks.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sandbox } from './router';
import { isCutConnection } from './types';

export interface RunningSandbox {
  sandbox: Sandbox;
  /** e.g. http://127.0.0.1:41234 — the sandbox paths start at `${origin}/sandbox/`. */
  origin: string;
  close(): Promise<void>;
}

export async function startSandboxServer(sandbox = new Sandbox(), port = 0): Promise<RunningSandbox> {
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const url = `http://${req.headers.host}${req.url}`;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
        else if (v !== undefined) headers.set(k, v);
      }
      const request = new Request(url, {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
      });
      const pathname = new URL(url).pathname;
      if (!pathname.startsWith('/sandbox/')) {
        res.writeHead(404).end();
        return;
      }
      const segments = pathname.slice('/sandbox/'.length).split('/').filter(Boolean).map(decodeURIComponent);
      const response = await sandbox.handle(request, segments);
      if (isCutConnection(response)) {
        // "Accept, then cut the connection": the request was carried out; no byte of an answer is written.
        req.socket.destroy();
        return;
      }
      const out = Buffer.from(await response.arrayBuffer());
      const outHeaders: Record<string, string> = {};
      response.headers.forEach((v, k) => (outHeaders[k] = v));
      res.writeHead(response.status, outHeaders).end(out);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'error', message: String(error) }));
    }
  });
  // Longer than a client keeps an idle socket: a reused keep-alive socket must never be closed under it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    sandbox,
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
