/**
 * GET /capture/pending → {"waiting": n}: how many of the signed-in member of staff's captures have not reached
 * Footprints yet, for the sign-out warning. A read of one's own count: no role needed, nothing audited, 0
 * when signed out. (A route handler rather than an action so that staff without the capture permission —
 * support, admin — can sign out without a refused call in the audit trail.)
 */
import { defineRoute } from '@/lib/auth/route';
import { waitingSubmissionsOf } from '@/lib/capture/queries';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

export const GET = defineRoute({
  name: 'capture.pending',
  permission: null,
  anonymous: () => Response.json({ waiting: 0 }, { headers: noStore }),
  handler: async (_request, { session }) => Response.json({ waiting: await waitingSubmissionsOf(session.subject) }, { headers: noStore }),
});
