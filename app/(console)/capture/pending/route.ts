/**
 * GET /capture/pending → {"waiting": n}: how many of the signed-in member of staff's captures have not reached
 * Footprints yet, for the sign-out warning. A read of one's own count: no role needed, nothing audited, 0
 * when signed out. (A route handler rather than an action so that staff without the capture permission —
 * support, admin — can sign out without a refused call in the audit trail.)
 */
import { NextResponse } from 'next/server';
import { getStaffSession } from '@/lib/auth/session';
import { waitingSubmissionsOf } from '@/lib/capture/queries';

export const dynamic = 'force-dynamic';

export async function GET() {
  const session = await getStaffSession();
  if (!session) return NextResponse.json({ waiting: 0 }, { headers: { 'cache-control': 'no-store' } });
  const waiting = await waitingSubmissionsOf(session.subject);
  return NextResponse.json({ waiting }, { headers: { 'cache-control': 'no-store' } });
}
