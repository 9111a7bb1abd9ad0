/**
 * POST /privacy/run-window {lookupId, windowId} → ActionResult<WindowRunResult>.
 *
 * A plain-fetch door to runWindowAction: Next queues server actions called from the browser and runs
 * them one at a time, so a split lookup that keeps three Netcore windows in flight cannot use them
 * directly. The route adds no logic: it calls the same defineAction (session, permission table, zod),
 * after the same-origin check Next applies to server actions (a cross-site page cannot send JSON here
 * with the staff member's cookie).
 */
import { runWindowAction } from '../actions';

export const dynamic = 'force-dynamic';

const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, validation: 400, conflict: 409, rate_limited: 429, vendor: 502, internal: 500 };

function sameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return false;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(req: Request): Promise<Response> {
  if (!sameOrigin(req) || !(req.headers.get('content-type') ?? '').startsWith('application/json')) {
    return Response.json({ ok: false, error: { code: 'forbidden', message: 'Cross-site requests are refused.' } }, { status: 403 });
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return Response.json({ ok: false, error: { code: 'validation', message: 'Send JSON.' } }, { status: 400 });
  }
  const result = await runWindowAction(body as Parameters<typeof runWindowAction>[0]);
  return Response.json(result, { status: result.ok ? 200 : (STATUS[result.error.code] ?? 500), headers: { 'cache-control': 'no-store' } });
}
