/**
 * POST /privacy/run-window {lookupId, windowId} → ActionResult<WindowRunResult>.
 *
 * A plain-fetch door to one Netcore window: Next queues server actions called from the browser and runs
 * them one at a time, so a split lookup that keeps three windows in flight cannot use them. The route door
 * (lib/auth/route.ts) holds the same line as defineAction — session, permission table, the same zod input
 * schema — plus the same-origin check and a small body cap.
 */
import { defineRoute } from '@/lib/auth/route';
import { privacyDeps } from '@/lib/privacy/deps';
import { RunWindowInputSchema } from '@/lib/privacy/inputs';
import { runLookupWindow } from '@/lib/privacy/run-lookup-window';

export const dynamic = 'force-dynamic';

export const POST = defineRoute({
  name: 'privacy.runWindow',
  permission: 'privacy.lookup',
  maxBodyBytes: 4 * 1024,
  handler: async (_request, { db, actor, body }) => runLookupWindow(db, privacyDeps(), actor, RunWindowInputSchema.parse(await body.json())),
});
