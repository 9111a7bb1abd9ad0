/**
 * Channel-activity lookups of a case: start one (a single legal window, or a period split into legal
 * windows), run one window at a time (the browser drives them, at most 3 in flight), record the export,
 * fetch the subject's Footprints profile.
 *
 * The case keeps what was asked, when, by whom, every window's state and its counts. The activity rows
 * are returned to the caller and never stored (lib/privacy/README.md).
 */
import 'server-only';
import { privacyWindowFailureMessage } from '@/lib/staff-words';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { log } from '@/lib/log';
import type { Customer, FootprintsClient } from '@/lib/vendors/footprints';
import { VendorError } from '@/lib/vendors/http';
import type { ChannelActivityEntry, NetcoreClient } from '@/lib/vendors/netcore';
import { caseTarget, requireCaseRow } from './cases';
import { channelsOf, type LookupRequest } from './lookup-schema';
import { countByType, type ActivityRow, type ExportEnvelope, type SubjectProfile, type WindowInfo } from './results';
import { privacyCases, privacyLookupWindows, privacyLookups, type PrivacyChannel, type PrivacyWindowRow } from './schema';
import { checkActivityWindowIso, isoToDdmmyyyy } from './window-rule';
import { splitIntoWindows, type ActivityWindow } from './windows';

export interface LookupView {
  id: string;
  caseId: string;
  reference: string;
  mode: 'single' | 'split';
  channels: PrivacyChannel[];
  from: string;
  to: string;
  requestedByName: string;
  createdAt: string;
  exportedAt: string | null;
  windows: WindowInfo[];
}

export function toWindowInfo(w: PrivacyWindowRow): WindowInfo {
  return {
    id: w.id,
    channel: w.channel,
    seq: w.seq,
    from: w.windowFrom,
    to: w.windowTo,
    state: w.state,
    activityCount: w.activityCount,
    failureReason: w.failureReason,
    attempts: w.attempts,
  };
}

async function loadWindows(db: Db, lookupIds: string[]): Promise<PrivacyWindowRow[]> {
  if (lookupIds.length === 0) return [];
  return db
    .select()
    .from(privacyLookupWindows)
    .where(inArray(privacyLookupWindows.lookupId, lookupIds))
    .orderBy(asc(privacyLookupWindows.channel), asc(privacyLookupWindows.seq));
}

/** Every lookup of a case, newest first, with their windows. */
export async function listLookups(db: Db, caseId: string): Promise<LookupView[]> {
  const rows = await db
    .select({ lookup: privacyLookups, reference: privacyCases.reference })
    .from(privacyLookups)
    .innerJoin(privacyCases, eq(privacyCases.id, privacyLookups.caseId))
    .where(eq(privacyLookups.caseId, caseId))
    .orderBy(desc(privacyLookups.createdAt));
  const windows = await loadWindows(
    db,
    rows.map((r) => r.lookup.id),
  );
  return rows.map(({ lookup, reference }) => ({
    id: lookup.id,
    caseId: lookup.caseId,
    reference,
    mode: lookup.mode,
    channels: lookup.channels,
    from: lookup.periodFrom,
    to: lookup.periodTo,
    requestedByName: lookup.requestedByName,
    createdAt: lookup.createdAt.toISOString(),
    exportedAt: lookup.exportedAt?.toISOString() ?? null,
    windows: windows.filter((w) => w.lookupId === lookup.id).map(toWindowInfo),
  }));
}

export async function getLookup(db: Db, lookupId: string): Promise<LookupView> {
  const [row] = await db.select({ caseId: privacyLookups.caseId }).from(privacyLookups).where(eq(privacyLookups.id, lookupId)).limit(1);
  if (!row) throw new ValidationError('That lookup does not exist.', { lookupId: ['That lookup does not exist.'] });
  const found = (await listLookups(db, row.caseId)).find((l) => l.id === lookupId);
  if (!found) throw new ValidationError('That lookup does not exist.');
  return found;
}

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
    detail: { lookupId, mode: req.mode, channels, from: req.from, to: req.to, windows: windows.length * channels.length },
  });
  return getLookup(db, lookupId);
}

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

/** What staff read about a failed window: what to do, with no personal data and no vendor text (that goes to the log). */
export function windowFailureReason(error: unknown): string {
  if (error instanceof VendorError) {
    log('warn', 'privacy.window_failed', { error: error.toJSON() });
    return privacyWindowFailureMessage(error);
  }
  return 'The look-up stopped unexpectedly; retry this window, and if it happens again ask an admin.';
}

export interface WindowRunResult {
  window: WindowInfo;
  /** The window's activities; never stored on the server. Empty unless answered. */
  rows: ActivityRow[];
}

export interface NetcoreDeps {
  netcore: Pick<NetcoreClient, 'getUserChannelActivity'>;
}

/**
 * Asks Netcore for one window and records the outcome on the window. A vendor failure is an outcome
 * (state "failed" with a reason), not an exception: the browser shows it and offers a retry.
 */
export async function runLookupWindow(
  db: Db,
  deps: NetcoreDeps,
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
  if (!window) throw new ValidationError('That window is not part of this lookup.', { windowId: ['Unknown window.'] });
  const kase = { reference: window.reference };
  // Netcore's primary key is the contact's EMAIL; a case known only by its mobile asks by the mobile
  // (the sandbox, like Netcore, finds a contact by either). The table's check guarantees one of them.
  const primaryKey = window.subjectEmail ?? window.subjectPhone ?? '';

  const auditBase = {
    actor,
    action: 'privacy.lookup.window',
    target: caseTarget(kase.reference),
    detail: { lookupId: input.lookupId, channel: window.channel, from: window.windowFrom, to: window.windowTo } as Record<string, unknown>,
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
  } catch (error) {
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

/**
 * Records that the results were exported (audited with counts, never rows) and hands back what the file
 * needs beside the rows: the case reference, dates and the subject's identifiers.
 */
export async function recordExport(
  db: Db,
  actor: AuditActorRef,
  input: { lookupId: string; format: 'csv' | 'json' | 'report'; rowCount: number; windowsAnswered: number; windowsFailed: number; windowsNeverAsked: number },
  timeZone: string,
): Promise<ExportEnvelope> {
  const [found] = await db
    .select({ kase: privacyCases })
    .from(privacyLookups)
    .innerJoin(privacyCases, eq(privacyCases.id, privacyLookups.caseId))
    .where(eq(privacyLookups.id, input.lookupId))
    .limit(1);
  if (!found) throw new ValidationError('That lookup does not exist.', { lookupId: ['That lookup does not exist.'] });
  const producedAt = new Date();
  await db.update(privacyLookups).set({ exportedAt: producedAt, exportedBy: actor.id }).where(eq(privacyLookups.id, input.lookupId));
  const { kase } = found;
  await recordAudit(db, {
    actor,
    action: 'privacy.export',
    target: caseTarget(kase.reference),
    outcome: 'success',
    detail: {
      lookupId: input.lookupId,
      format: input.format,
      rows: input.rowCount,
      windowsAnswered: input.windowsAnswered,
      windowsFailed: input.windowsFailed,
      windowsNeverAsked: input.windowsNeverAsked,
    },
  });
  return {
    reference: kase.reference,
    receivedOn: kase.receivedOn,
    dueOn: kase.dueOn,
    producedAt: producedAt.toISOString(),
    timeZone,
    subject: { email: kase.subjectEmail, phone: kase.subjectPhone },
  };
}

/** The Footprints client record, without the vendor's internal version counter. */
export function profileRecord(customer: Customer): Record<string, unknown> {
  const { __v: _version, ...rest } = customer as Customer & { __v?: unknown };
  return rest;
}

/** The subject's Footprints profile (GET /api/client), which needs both e-mail and phone. Audited. */
export async function fetchSubjectProfile(
  db: Db,
  deps: { footprints: Pick<FootprintsClient, 'getCustomer'>; accessToken: string },
  actor: AuditActorRef,
  caseId: string,
): Promise<SubjectProfile> {
  const kase = await requireCaseRow(db, caseId);
  if (!kase.subjectEmail || !kase.subjectPhone) {
    throw new ValidationError('Footprints finds a client by e-mail and phone together: the case needs both.');
  }
  try {
    const customer = await deps.footprints.getCustomer(deps.accessToken, { userEmail: kase.subjectEmail, userPhone: kase.subjectPhone });
    await recordAudit(db, {
      actor,
      action: 'privacy.profile.lookup',
      target: caseTarget(kase.reference),
      outcome: 'success',
      detail: { vendor: 'footprints', found: customer !== null },
    });
    return { vendor: 'footprints', found: customer !== null, record: customer ? profileRecord(customer) : null };
  } catch (error) {
    await recordAudit(db, {
      actor,
      action: 'privacy.profile.lookup',
      target: caseTarget(kase.reference),
      outcome: 'failure',
      detail: { vendor: 'footprints', reason: error instanceof VendorError ? `${error.kind} ${error.status}` : 'unexpected error' },
    });
    throw error;
  }
}
