/** Issue 11, point 1: the sign-in guard's client address cannot be chosen by the client. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, installPeerStamp, PEER_HEADER, stampedPeer } from './peer-address';

let stamp: string;
let server: http.Server;
let port: number;

beforeAll(async () => {
  stamp = installPeerStamp();
  // A plain Node server, like the one `next start` runs: the handler sees what the stamp wrote.
  server = http.createServer((req, res) => {
    const headers = req.headers as Record<string, string | undefined>;
    res.end(JSON.stringify({ peer: stampedPeer(headers[PEER_HEADER]), xff: headers['x-forwarded-for'] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function ask(headers: Record<string, string>): Promise<{ peer: string | null; xff: string | null }> {
  return (await (await fetch(`http://127.0.0.1:${port}/`, { headers })).json()) as { peer: string | null; xff: string | null };
}

describe('client address', () => {
  it('is the socket peer whatever X-Forwarded-For and our own header the client sends (no trusted proxy, the default)', async () => {
    for (let i = 0; i < 5; i++) {
      const seen = await ask({ 'x-forwarded-for': `198.51.100.${i}`, [PEER_HEADER]: `${stamp} 203.0.113.${i}` });
      expect(seen.peer).toBe('127.0.0.1');
      // Five "different" clients are one address for the guard.
      expect(clientAddress(seen.xff, seen.peer, 0)).toBe('127.0.0.1');
    }
  });

  it('never believes a peer header this process did not stamp', () => {
    expect(stampedPeer('127.0.0.1')).toBeNull();
    expect(stampedPeer(`not-the-stamp 10.0.0.1`)).toBeNull();
    expect(stampedPeer(`${stamp} ::ffff:10.0.0.1`)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.9', null, 0)).toBeNull();
    expect(clientAddress('10.0.0.9', null, 1)).toBeNull();
  });

  it('behind N trusted proxies is the right-most entry none of them wrote; entries the client wrote are ignored', () => {
    // client → proxy 10.0.0.2 (appends the client) → console (peer 10.0.0.2)
    expect(clientAddress('192.0.2.7', '10.0.0.2', 1)).toBe('192.0.2.7');
    expect(clientAddress('6.6.6.6, 192.0.2.7', '10.0.0.2', 1)).toBe('192.0.2.7');
    expect(clientAddress('6.6.6.6, 7.7.7.7, 192.0.2.7', '10.0.0.2', 1)).toBe('192.0.2.7');
    // client → proxy A → proxy B (peer): A wrote the client, B wrote A.
    expect(clientAddress('6.6.6.6, 192.0.2.7, 10.0.0.1', '10.0.0.2', 2)).toBe('192.0.2.7');
    // No header (a proxy that does not set one): the peer itself.
    expect(clientAddress(null, '10.0.0.2', 1)).toBe('10.0.0.2');
    // No proxy trusted: the header means nothing.
    expect(clientAddress('6.6.6.6', '10.0.0.2', 0)).toBe('10.0.0.2');
  });
});
