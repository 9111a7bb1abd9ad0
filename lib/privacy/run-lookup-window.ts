import 'server-only';
import { privacyWindowFailureKind, type PrivacyWindowFailureKind } from '@/lib/staff-words';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { log } from '@/lib/log';
import { recordPrivacyLookup } from '@/lib/metrics';
import { VendorError } from '@/lib/vendors/http';
import type { ChannelActivityEntry } from '@/lib/vendors/netcore';
import { isoToDdmmyyyy } from '@/lib/vendors/netcore/window-rule';
import { caseTarget } from './case-records';
import type { PrivacyDeps } from './deps';
import { toWindowInfo } from './lookup-records';
import { countByType, type ActivityRow, type WindowInfo } from './results';
import type { PrivacyChannel } from './constants';
import { privacyCases, privacyLookupWindows, privacyLookups } from './schema';
import { PRIVACY_ERRORS } from './errors';

function toActivityRow(channel: PrivacyChannel, e: ChannelActivityEntry): ActivityRow {
  return {
    channel,
    activity: e.activity,
    messageId: e.messageId,
    messageName: e.messageName,
    rawDate: e.activityDate.raw,
    at: e.activityDate.instant,
    ip: e.ip ?? null,
    device: e.device ?? null,
    os: e.os ?? null,
    browser: e.browser ?? null,
    link: e.link ?? null,
  };
}

/**
 * Why the window failed, as a kind staff read in their language where it is shown (messages "report.failure"):
 * no personal data, no vendor body.
 */
export function windowFailureReason(error: unknown): PrivacyWindowFailureKind {
  if (error instanceof VendorError) {
    log('warn', 'privacy.window_failed', { error: error.toJSON() });
    return privacyWindowFailureKind(error);
  }
  return 'unexpected';
}

export interface WindowRunResult {
  window: WindowInfo;
  /** The window's activities; never stored on the server. Empty unless answered. */
  rows: ActivityRow[];
}

/**
 * Asks Netcore for one window and records the outcome on the window. A vendor failure is an outcome
 * (state "failed" with a reason), not an exception: the browser shows it and offers a retry.
 */
export async function runLookupWindow(
  db: Db,
  deps: Pick<PrivacyDeps, 'netcore'>,
  actor: AuditActorRef,
  input: { lookupId: string; windowId: string },
): Promise<WindowRunResult> {
  // One statement finds the window (of this lookup), marks it pending and reads the case it belongs to.
  const askedAt = new Date();
  const [window] = await db
    .update(privacyLookupWindows)
    .set({
      state: 'pending',
      attempts: sql`${privacyLookupWindows.attempts} + 1`,
      askedAt,
      askedBy: actor.id,
      failureReason: null,
      updatedAt: askedAt,
    })
    .from(privacyLookups)
    .innerJoin(privacyCases, eq(privacyCases.id, privacyLookups.caseId))
    .where(
      and(
        eq(privacyLookupWindows.id, input.windowId),
        eq(privacyLookupWindows.lookupId, input.lookupId),
        eq(privacyLookups.id, privacyLookupWindows.lookupId),
      ),
    )
    .returning({
      id: privacyLookupWindows.id,
      channel: privacyLookupWindows.channel,
      windowFrom: privacyLookupWindows.windowFrom,
      windowTo: privacyLookupWindows.windowTo,
      reference: privacyCases.reference,
      subjectEmail: privacyCases.subjectEmail,
      subjectPhone: privacyCases.subjectPhone,
    });
  if (!window) throw new ValidationError(PRIVACY_ERRORS.noWindow, { windowId: [PRIVACY_ERRORS.noWindow] });
  const kase = { reference: window.reference };
  // Netcore's primary key is the contact's EMAIL; a case known only by its mobile asks by the mobile
  // (the sandbox, like Netcore, finds a contact by either). The table's check guarantees one of them.
  const primaryKey = window.subjectEmail ?? window.subjectPhone ?? '';

  const auditBase = {
    actor,
    action: 'privacy.lookup.window',
    target: caseTarget(kase.reference),
    // Which stores' data the answer holds (issue 12): Netcore keeps a contact's activity for the whole chain.
    detail: { lookupId: input.lookupId, channel: window.channel, from: window.windowFrom, to: window.windowTo, stores: 'all' } as Record<string, unknown>,
  };
  let rows: ActivityRow[];
  try {
    const answer = await deps.netcore.getUserChannelActivity({
      primaryKey,
      channel: window.channel,
      fromDate: isoToDdmmyyyy(window.windowFrom) ?? '',
      toDate: isoToDdmmyyyy(window.windowTo) ?? '',
    });
    rows = answer.activities.map((e) => toActivityRow(window.channel, e));
    recordPrivacyLookup('ok');
  } catch (error) {
    recordPrivacyLookup('failed');
    const reason = windowFailureReason(error);
    if (!(error instanceof VendorError)) log('error', 'privacy.window_unexpected', { error: error instanceof Error ? error : String(error) });
    const [failed] = await db
      .update(privacyLookupWindows)
      .set({ state: 'failed', failureReason: reason, activityCount: null, countsByType: null, updatedAt: new Date() })
      .where(eq(privacyLookupWindows.id, window.id))
      .returning();
    await recordAudit(db, { ...auditBase, outcome: 'failure', detail: { ...auditBase.detail, reason } });
    if (!(error instanceof VendorError)) throw error;
    return { window: toWindowInfo(failed), rows: [] };
  }
  const countsByType = countByType(rows);
  const answeredAt = new Date();
  const [answered] = await db
    .update(privacyLookupWindows)
    .set({ state: 'answered', activityCount: rows.length, countsByType, failureReason: null, answeredAt, updatedAt: answeredAt })
    .where(eq(privacyLookupWindows.id, window.id))
    .returning();
  await recordAudit(db, { ...auditBase, outcome: 'success', detail: { ...auditBase.detail, count: rows.length } });
  return { window: toWindowInfo(answered), rows };
}
