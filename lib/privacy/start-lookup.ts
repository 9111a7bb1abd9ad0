import 'server-only';
import { eq } from 'drizzle-orm';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { checkActivityWindowIso } from '@/lib/vendors/netcore/window-rule';
import { caseTarget, requireCaseRow } from './case-records';
import type { LookupRequest } from './inputs';
import { getLookup, type LookupView } from './lookup-records';
import { channelsOf } from './lookup-rules';
import { privacyCases, privacyLookupWindows, privacyLookups } from './schema';
import { splitIntoWindows, type ActivityWindow } from './windows';

/**
 * Creates the lookup and its windows (all "never asked"). A single range must be one legal window; a
 * split period is cut into legal windows by the splitter. Both are checked again here, whatever the
 * caller validated, because this is the last stop before the windows are stored.
 */
export async function startLookup(db: Db, actor: AuditActorRef, req: LookupRequest, today: string): Promise<LookupView> {
  const kase = await requireCaseRow(db, req.caseId);
  let windows: Pick<ActivityWindow, 'from' | 'to'>[];
  if (req.mode === 'single') {
    const check = checkActivityWindowIso({ from: req.from, to: req.to, today });
    if (!check.ok) {
      throw new ValidationError(check.message, { [check.field === 'fromDate' ? 'from' : 'to']: [check.message] });
    }
    windows = [{ from: req.from, to: req.to }];
  } else {
    const split = splitIntoWindows({ from: req.from, to: req.to, today });
    if (!split.ok) throw new ValidationError(split.message, { [split.field]: [split.message] });
    windows = split.windows;
  }
  const channels = channelsOf(req.channel);
  const lookupId = await db.transaction(async (tx) => {
    const [lookup] = await tx
      .insert(privacyLookups)
      .values({
        caseId: kase.id,
        channels,
        mode: req.mode,
        periodFrom: req.from,
        periodTo: req.to,
        requestedBy: actor.id,
        requestedByName: actor.name,
      })
      .returning({ id: privacyLookups.id });
    await tx.insert(privacyLookupWindows).values(
      channels.flatMap((channel) =>
        windows.map((w, seq) => ({ lookupId: lookup.id, channel, seq, windowFrom: w.from, windowTo: w.to })),
      ),
    );
    if (kase.status === 'open') {
      await tx.update(privacyCases).set({ status: 'in_progress', updatedAt: new Date() }).where(eq(privacyCases.id, kase.id));
    }
    return lookup.id;
  });
  await recordAudit(db, {
    actor,
    action: 'privacy.lookup.start',
    target: caseTarget(kase.reference),
    outcome: 'success',
    // The stores whose data it covers (issue 12): Netcore's activity is the whole chain's.
    detail: { lookupId, mode: req.mode, channels, from: req.from, to: req.to, windows: windows.length * channels.length, stores: 'all' },
  });
  return getLookup(db, lookupId);
}
