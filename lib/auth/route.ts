/**
 * The one door for route handlers, like defineAction for server actions (issue 11, point 6):
 *
 *   session → permission (the one table) → same-origin (Origin, else Sec-Fetch-Site) → size cap on the
 *   streamed body → handler → thrown error mapped to a status in ROUTE_ERROR_STATUS → audit of refusals.
 *
 * The body is never buffered whole: a declared Content-Length over the cap is refused before reading, and
 * a body without one (chunked) is counted while it streams and refused as soon as it passes the cap.
 * tests/routes-permissions.test.ts fails on any route handler that is not built here.
 */
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import { getDb, type Db } from '@/lib/db';
import type { ActionErrorCode, ActionResult } from '@/lib/errors';
import { actorOf, fieldErrorsOf, toActionError, type AuditActor } from './action';
import { can, type Permission } from './permissions';
import { getStaffSession, type StaffSession } from './session';
import { baseSecurityHeaders } from '@/lib/http/security-headers';

export type RouteErrorCode = ActionErrorCode | 'cross_origin' | 'too_large';

/** The one error → HTTP status table of every route handler. */
export const ROUTE_ERROR_STATUS: Record<RouteErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  cross_origin: 403,
  validation: 400,
  too_large: 413,
  conflict: 409,
  rate_limited: 429,
  vendor: 502,
  internal: 500,
};

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request is larger than ${Math.round(limit / 1024)} KB.`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads at most `limit` bytes of a body; throws BodyTooLargeError (and stops reading) past it. */
export async function readCapped(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A cross-site page must not be able to use a member of staff's cookie here. */
export function isSameOrigin(request: Request, publicUrl?: string): boolean {
  const origin = request.headers.get('origin');
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false;
    }
    if (publicUrl && new URL(publicUrl).host === host) return true;
    return host === (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
  }
  // No Origin (some same-origin GETs): the browser's own statement, when it makes one.
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

export interface RouteBody {
  json(): Promise<unknown>;
  formData(): Promise<FormData>;
}

export interface RouteContext<P> {
  session: StaffSession;
  db: Db;
  actor: AuditActor;
  params: P;
  body: RouteBody;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const DEFAULT_MAX_BODY = 64 * 1024;

export type DefinedRoute<P> = ((request: Request, ctx: { params: Promise<P> }) => Promise<Response>) & {
  routeName: string;
  permission: Permission | null;
  largeBody: boolean;
};

/** A JSON answer's own security headers, for the routes proxy.ts does not see (largeBody). */
function withSecurityHeaders(response: Response, request: Request): Response {
  const https = (request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '')) === 'https';
  for (const [name, value] of Object.entries(baseSecurityHeaders({ https }))) response.headers.set(name, value);
  response.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  return response;
}

function json<T>(result: ActionResult<T> | { ok: false; error: { code: RouteErrorCode; message: string } }, status: number): Response {
  return Response.json(result, { status, headers: { 'cache-control': 'no-store' } });
}

export function defineRoute<P = Record<string, never>, T = unknown>(def: {
  /** Dotted name for logs and the audit trail, e.g. "leads.uploadDocuments". */
  name: string;
  /** null: any signed-in member of staff (own data only). */
  permission: Permission | null;
  /** Largest body accepted, in bytes (default 64 KB). */
  maxBodyBytes?: number;
  /**
   * The route takes bodies over Next's 10 MB proxy buffer (uploads): it is left out of proxy.ts's matcher
   * (which would buffer and truncate the body) and the door sets its security headers instead.
   */
  largeBody?: boolean;
  /** What a caller without a session gets instead of 401 (e.g. an empty count). */
  anonymous?: () => Response;
  /** Returns data (sent as {ok: true, data}) or a Response of its own. */
  handler: (request: Request, ctx: RouteContext<P>) => Promise<T | Response>;
}): DefinedRoute<P> {
  const limit = def.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const route = async (request: Request, routeCtx?: { params: Promise<P> }): Promise<Response> => {
    const response = await serve(request, routeCtx);
    return def.largeBody ? withSecurityHeaders(response, request) : response;
  };
  const serve = async (request: Request, routeCtx?: { params: Promise<P> }): Promise<Response> => {
    let session: StaffSession | null;
    try {
      session = await getStaffSession();
    } catch (error) {
      unstable_rethrow(error);
      const result = toActionError(error, def.name);
      return json(result, 500);
    }
    if (!session) {
      if (def.anonymous) return def.anonymous();
      return json({ ok: false, error: { code: 'unauthenticated', message: 'Your session has ended. Sign in again to continue.' } }, 401);
    }
    const db = await getDb();
    const actor = actorOf(session);
    const refuse = async (code: 'forbidden' | 'cross_origin' | 'too_large', message: string, detail: Record<string, unknown>) => {
      await recordAudit(db, { actor, action: def.name, target: { type: 'route', id: def.name }, outcome: 'refused', detail: { reason: code, ...detail } });
      return json({ ok: false, error: { code, message } }, ROUTE_ERROR_STATUS[code]);
    };
    if (def.permission && !can(session.roles, def.permission)) {
      return refuse('forbidden', 'Your role does not allow this. Ask an admin if you need it.', { permission: def.permission });
    }
    if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request, getConfig().publicUrl)) {
      return refuse('cross_origin', 'Cross-site requests are refused.', {});
    }
    const declared = request.headers.get('content-length');
    if (declared !== null && Number(declared) > limit) return refuse('too_large', new BodyTooLargeError(limit).message, { declared: Number(declared) });

    let bytes: Promise<Uint8Array> | undefined;
    const read = () => (bytes ??= readCapped(request, limit));
    const body: RouteBody = {
      async json() {
        const raw = await read();
        try {
          return JSON.parse(new TextDecoder().decode(raw)) as unknown;
        } catch {
          throw new z.ZodError([{ code: 'custom', path: [], message: 'Send JSON.', input: undefined }]);
        }
      },
      async formData() {
        const raw = await read();
        return new Response(raw as BodyInit, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
      },
    };
    try {
      const params = ((await routeCtx?.params) ?? {}) as P;
      const result = await def.handler(request, { session, db, actor, params, body });
      if (result instanceof Response) return result;
      return json({ ok: true, data: result }, 200);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof BodyTooLargeError) return refuse('too_large', error.message, { streamed: true });
      if (error instanceof z.ZodError) {
        return json({ ok: false, error: { code: 'validation', message: 'Some fields need attention.', fieldErrors: fieldErrorsOf(error) } }, 400);
      }
      const result = toActionError(error, def.name);
      const code = result.ok ? 'internal' : result.error.code;
      return json(result, ROUTE_ERROR_STATUS[code] ?? 500);
    }
  };
  return Object.assign(route, { routeName: def.name, permission: def.permission, largeBody: Boolean(def.largeBody) });
}
