/**
 * POST /privacy/run-window {lookupId, windowId} → ActionResult<WindowRunResult>.
 *
 * A plain-fetch door to one Netcore window: Next queues server actions called from the browser and runs
 * them one at a time, so a split lookup that keeps three windows in flight cannot use them. The route door
 * (lib/auth/route.ts) holds the same line as defineAction — session, permission table, zod input — plus
 * the same-origin check and a small body cap.
 */
import { z } from 'zod';
import { defineRoute } from '@/lib/auth/route';
import { runLookupWindow } from '@/lib/privacy/lookups';
import { getNetcoreClient } from '@/lib/vendors/clients';

export const dynamic = 'force-dynamic';

const InputSchema = z.object({ lookupId: z.string().uuid(), windowId: z.string().uuid() });

export const POST = defineRoute({
  name: 'privacy.runWindow',
  permission: 'privacy.lookup',
  maxBodyBytes: 4 * 1024,
  handler: async (_request, { db, actor, body }) => runLookupWindow(db, { netcore: getNetcoreClient() }, actor, InputSchema.parse(await body.json())),
});
