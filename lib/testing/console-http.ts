/**
 * Driving a running console over HTTP the way a browser does, for tests and benches that start real servers
 * (bench/capture-http.bench.ts, tests/two-instances.test.ts, the fleet bench and test): a free port, a cookie
 * jar, sign-in through next-auth's own endpoints, a server action called by the id the build gave it, and
 * the deployment build (`.next/standalone/server.js`) started and stopped as a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** A port nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A cookie jar of one origin: what a browser would keep and send back. */
export class Jar {
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** The id Next gave an exported server action of `file` (from the build's server-reference manifest). */
export function actionId(distDir: string, file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} of ${file} in ${distDir}`);
  return found[0];
}

/** Signs in through next-auth's csrf and callback endpoints; throws when no session results. */
export async function signIn(origin: string, jar: Jar, provider: 'pin' | 'password', fields: Record<string, string>, headers: Record<string, string> = {}): Promise<void> {
  const csrfRes = await fetch(`${origin}/api/auth/csrf`, { headers });
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${origin}/api/auth/callback/${provider}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), origin },
    body: new URLSearchParams({ ...fields, csrfToken, json: 'true' }),
  });
  jar.take(res);
  await res.arrayBuffer();
  const session = (await (await fetch(`${origin}/api/auth/session`, { headers: { ...headers, cookie: jar.header() } })).json()) as { user?: unknown };
  if (!session.user) throw new Error(`the ${provider} sign-in did not give a session`);
}

/** One server-action request as the browser sends it; the whole answer (an RSC stream) is read. */
export async function callAction(origin: string, jar: Jar, page: string, id: string, input: unknown): Promise<string> {
  const res = await fetch(`${origin}${page}`, {
    method: 'POST',
    headers: {
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': id,
      origin,
      cookie: jar.header(),
    },
    body: JSON.stringify([input]),
  });
  jar.take(res);
  const text = await res.text();
  if (!res.ok) throw new Error(`server action ${id} answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/** The deployment build started as a child process (its own process group, so a signal reaches it alone). */
export interface Instance {
  child: ChildProcess;
  port: number;
  origin: string;
  /** Everything it printed, in order. */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function standaloneServer(distDir = process.env.NEXT_DIST_DIR || '.next'): string {
  return path.resolve(distDir, 'standalone', 'server.js');
}

/** Starts `node .next/standalone/server.js` on `port` with exactly `env` (plus PATH and the production basics). */
export function startStandalone(port: number, env: Record<string, string>, distDir?: string): Instance {
  const output: string[] = [];
  const child = spawn(process.execPath, [standaloneServer(distDir)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOSTNAME: '127.0.0.1', ...env },
  });
  child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, port, origin: `http://127.0.0.1:${port}`, output, exited };
}

/** Waits for `/api/health` to answer 200 (the database answers); throws with the server's last words. */
export async function waitHealthy(instance: Instance, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null || instance.child.signalCode !== null) throw new Error(`instance on port ${instance.port} exited: ${instance.output.join('').slice(-2000)}`);
    try {
      if ((await fetch(`${instance.origin}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance on port ${instance.port} not healthy in time: ${instance.output.join('').slice(-2000)}`);
}

/** Sends `signal` to the instance's process group; SIGKILL after `graceMs` if it is still there. */
export async function stopInstance(instance: Instance, signal: NodeJS.Signals = 'SIGTERM', graceMs = 25_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (instance.child.exitCode === null && instance.child.signalCode === null && instance.child.pid) {
    try {
      process.kill(-instance.child.pid, signal);
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-instance.child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, graceMs);
    const result = await instance.exited;
    clearTimeout(timer);
    return result;
  }
  return instance.exited;
}
