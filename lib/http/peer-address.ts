/**
 * The address of the client a sign-in comes from (issue 11, point 1), without trusting what the client says.
 *
 * Next 16 does not give route handlers, actions or proxy.ts the TCP peer: `NextRequest.ip` was removed in
 * Next 15 ("provided by your hosting provider", docs: upgrading/version-15), and `next start` only fills
 * X-Forwarded-For with the socket address when the request has none (`??=` in base-server), so a client
 * talking to the console directly can send any X-Forwarded-For it likes. Node's documented diagnostics
 * channel `http.server.request.start` is published for every request before the server's handler runs,
 * with the request and its socket: {@link installPeerStamp} (called from instrumentation.ts) writes the
 * socket's address into a header of ours there, together with a random per-process value a client cannot
 * know, so a client-sent copy of the header (or a request that arrived before the hook was installed) is
 * never believed.
 *
 * With `TRUSTED_PROXY_HOPS=0` (the default) the client is the socket peer and X-Forwarded-For is ignored.
 * With N trusted proxies in front, the client is the right-most entry that none of them wrote: of the list
 * X-Forwarded-For + [socket peer], the entry N from the right (entries further left were written by the
 * client itself and are never believed).
 */
import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export const PEER_HEADER = 'x-storedesk-peer';

const globalForPeer = globalThis as unknown as { __storedeskPeerStamp?: string };

/** Installs the stamp once per process. Returns the process's stamp value (tests only need it). */
export function installPeerStamp(): string {
  if (globalForPeer.__storedeskPeerStamp) return globalForPeer.__storedeskPeerStamp;
  const stamp = randomUUID();
  globalForPeer.__storedeskPeerStamp = stamp;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    // Overwrites whatever the client sent under this name.
    request.headers[PEER_HEADER] = `${stamp} ${socket.remoteAddress ?? ''}`;
  });
  return stamp;
}

/** `::ffff:10.0.0.9` (an IPv4 client on a dual-stack socket) is 10.0.0.9. */
function normalise(address: string): string {
  const a = address.trim();
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

/** The socket peer stamped on this request, or null when the header is missing or was not written by this process. */
export function stampedPeer(header: string | null | undefined): string | null {
  const stamp = globalForPeer.__storedeskPeerStamp;
  if (!stamp || !header) return null;
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space) !== stamp) return null;
  const address = header.slice(space + 1).trim();
  return address ? normalise(address) : null;
}

/**
 * The client's address: the socket peer with no trusted proxy (hops = 0); with `hops` trusted proxies in
 * front, the right-most X-Forwarded-For entry none of them wrote. Null without a stamped peer: then no
 * address is trusted at all.
 */
export function clientAddress(forwardedFor: string | null | undefined, peer: string | null, hops: number): string | null {
  if (!peer) return null;
  if (hops <= 0) return peer;
  const entries = [
    ...(forwardedFor ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    peer,
  ];
  return normalise(entries[Math.max(0, entries.length - 1 - hops)]!);
}
