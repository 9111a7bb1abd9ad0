/**
 * The loyalty desk's use cases: campaigns, code check, redeem / block (once, confirmed by Footprints,
 * audited), the follow-ups of a redemption, prize history, the code list and its CSV export. Called by
 * app/(console)/loyalty/actions.ts; vendor clients are passed in (tests point them at the sandbox).
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { AuditActor } from '@/lib/auth/action';
import { recordAudit } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import type { Db } from '@/lib/db';
import { formatInstant } from '@/lib/dates';
import { ConflictError, ValidationError } from '@/lib/errors';
import { log } from '@/lib/log';
import { enqueueNetcoreActivity } from '@/lib/marketing/netcore-activities';
import { getFootprintsClient } from '@/lib/vendors/clients';
import { parseFootprintsDate, type Campaign, type CodeCheckResponse, type FootprintsClient } from '@/lib/vendors/footprints';
import { VendorError } from '@/lib/vendors/http';
import { retryRedemptionCheckin, sendRedemptionCheckin, type CheckinView } from './checkin';
import { withCodeClaim } from './claims';
import { consumeLookup } from './rate-limit';
import {
  BLOCK_REASON_LABELS,
  STATUS_LABELS,
  allowedActions,
  claimKeyOf,
  isExpired,
  netcoreRedeemedKeyOf,
  toCsv,
  whyNotChangeable,
  type BlockReason,
  type CodeStatus,
} from './rules';
import { loyaltyCodeChanges, type LoyaltyChangeTarget, type LoyaltyCodeChangeRow } from './schema';

export const NETCORE_REDEEMED_ACTIVITY = 'Loyalty Code Redeemed';

export interface DeskDeps {
  footprints: FootprintsClient;
  /** The zone Footprints' wall-clock dates are in (the account's = the store's). */
  timeZone: string;
  now: () => Date;
}

export function defaultDeskDeps(): DeskDeps {
  return { footprints: getFootprintsClient(), timeZone: getConfig().storeTimezone, now: () => new Date() };
}

/** Who is acting: the audit actor and the Footprints token of their session. */
export interface DeskCaller {
  actor: AuditActor;
  accessToken: string;
}

const toIso = (value: string | null | undefined, timeZone: string): string | null => parseFootprintsDate(value, timeZone)?.toISOString() ?? null;

// ---- campaigns ------------------------------------------------------------------------------------------

export interface CampaignView {
  internalId: string;
  name: string;
  location: string | null;
  startDate: string | null;
  endDate: string | null;
  expireCodesDate: string | null;
  codesExpired: boolean;
  prizeTypes: string[];
}

// Campaign → location name, for the audit's store and the Netcore activity (filled by every listing).
const globalForStores = globalThis as unknown as { __storedeskLoyaltyStores?: Map<string, string | null> };
const storeCache: Map<string, string | null> = (globalForStores.__storedeskLoyaltyStores ??= new Map());

function campaignView(c: Campaign, deps: DeskDeps): CampaignView {
  const expire = parseFootprintsDate(c.expireCodesDate, deps.timeZone);
  // The full records ("all campaigns") carry only a locationId: keep the name a summary listing gave.
  const location = c.location?.name || storeCache.get(c.internalId) || null;
  if (location) storeCache.set(c.internalId, location);
  return {
    internalId: c.internalId,
    name: c.name,
    location,
    startDate: toIso(c.startDate, deps.timeZone),
    endDate: toIso(c.endDate, deps.timeZone),
    expireCodesDate: expire?.toISOString() ?? null,
    codesExpired: isExpired(expire, deps.now()),
    prizeTypes: (c.loyaltySettings?.loyaltyPrizeTypes ?? []).map((p) => p.name),
  };
}

/** The active campaigns (everyone at the desk) or every campaign (managers browsing). */
export async function listCampaigns(deps: DeskDeps, accessToken: string, scope: 'active' | 'all'): Promise<CampaignView[]> {
  const list = scope === 'all' ? await deps.footprints.getLoyaltyCampaigns(accessToken) : await deps.footprints.getActiveLoyaltyCampaigns(accessToken);
  return list.map((c) => campaignView(c, deps)).sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
}

/**
 * The store a campaign runs in (its location). Known from a listing; otherwise asked once. The audit
 * records it as the store of a change (the console knows no store per tablet).
 */
async function storeOf(deps: DeskDeps, accessToken: string, campaignInternalId: string): Promise<string | null> {
  if (storeCache.get(campaignInternalId)) return storeCache.get(campaignInternalId) ?? null;
  try {
    await listCampaigns(deps, accessToken, 'active');
  } catch {
    /* the store is context, not a reason to fail */
  }
  return storeCache.get(campaignInternalId) ?? null;
}

// ---- code check -----------------------------------------------------------------------------------------

export interface CodeView {
  campaignInternalId: string;
  code: string;
  prize: string | null;
  status: CodeStatus;
  statusLabel: string;
  expiresAt: string | null;
  expired: boolean;
  lastUpdate: string | null;
  canRedeem: boolean;
  canBlock: boolean;
  /** Why it cannot be redeemed (already used, blocked, expired); null when it can. */
  notice: string | null;
}

export type CheckResult = { found: true; code: CodeView } | { found: false; message: string };

export const NOT_FOUND_MESSAGE =
  'No code was found for this customer in this campaign. Check the e-mail and phone with the customer, or choose another campaign.';

function codeView(campaignInternalId: string, answer: CodeCheckResponse, deps: DeskDeps): CodeView {
  const expires = parseFootprintsDate(answer.expire_code_date, deps.timeZone);
  const lastUpdate = parseFootprintsDate(answer.last_update, deps.timeZone);
  const expired = isExpired(expires, deps.now());
  const status = answer.prize_status;
  const lastUpdateText = lastUpdate ? formatInstant(lastUpdate, deps.timeZone, 'dayTime') : null;
  return {
    campaignInternalId,
    code: answer.code.toUpperCase(),
    prize: answer.prize?.name || null,
    status,
    statusLabel: STATUS_LABELS[status],
    expiresAt: expires?.toISOString() ?? null,
    expired,
    lastUpdate: lastUpdate?.toISOString() ?? null,
    ...allowedActions(status, expired),
    notice: whyNotChangeable(status, expired, lastUpdateText),
  };
}


export async function checkCode(
  db: Db,
  deps: DeskDeps,
  caller: DeskCaller,
  input: { campaignInternalId: string; email: string; phone: string },
): Promise<CheckResult> {
  await consumeLookup(db, caller.actor.id, 'check', { now: deps.now() });
  const answer = await deps.footprints.checkClientCode(caller.accessToken, {
    userEmail: input.email,
    userPhone: input.phone,
    campaignInternalId: input.campaignInternalId,
  });
  if (!answer) return { found: false, message: NOT_FOUND_MESSAGE };
  return { found: true, code: codeView(input.campaignInternalId, answer, deps) };
}

// ---- redeem / block -------------------------------------------------------------------------------------

export interface ChangeInput {
  campaignInternalId: string;
  email: string;
  phone: string;
  code: string;
  requestId: string;
  target: LoyaltyChangeTarget;
  reason?: BlockReason;
  note?: string;
}

export interface ChangeResult {
  code: CodeView;
  /** True when this answers a retry of a confirmation already carried out. */
  replayed: boolean;
  /** Redemptions only. */
  netcoreQueued?: boolean;
  checkin?: CheckinView;
}

const auditAction = (target: LoyaltyChangeTarget) => (target === 'redeemed' ? 'loyalty.redeem' : 'loyalty.block');

/**
 * Redeems or blocks one code, once: serialised per code (withCodeClaim), the code re-read from Footprints
 * inside the critical section, the change confirmed by reading it back, the outcome audited whatever it is.
 * A second tablet (or a double click) that loses the race gets a ConflictError naming the code's new status.
 */
export async function changeCode(db: Db, deps: DeskDeps, caller: DeskCaller, input: ChangeInput): Promise<ChangeResult> {
  const { campaignInternalId, code, target } = input;
  const store = await storeOf(deps, caller.accessToken, campaignInternalId);
  const owner = { userEmail: input.email, userPhone: input.phone, campaignInternalId };
  const reasonDetail = target === 'blocked' ? { reason: input.reason ?? null, note: input.note ?? null } : {};
  const audit = (outcome: 'success' | 'failure' | 'refused', detail: Record<string, unknown>) =>
    recordAudit(db, {
      actor: caller.actor,
      action: auditAction(target),
      target: { type: 'loyalty_code', id: code },
      outcome,
      store,
      detail: { campaignInternalId, ...reasonDetail, ...detail },
    });

  let row: LoyaltyCodeChangeRow;
  let replayed = false;
  let confirmed: CodeCheckResponse | null = null;
  try {
    const done = await withCodeClaim(db, claimKeyOf(campaignInternalId, code), input.requestId, async () => {
      const [prior] = await db
        .select()
        .from(loyaltyCodeChanges)
        .where(and(eq(loyaltyCodeChanges.campaignInternalId, campaignInternalId), eq(loyaltyCodeChanges.code, code)))
        .limit(1);
      if (prior && prior.requestId === input.requestId) return { row: prior, replayed: true, confirmed: null };

      const current = await deps.footprints.checkClientCode(caller.accessToken, owner);
      if (!current) throw new ValidationError(NOT_FOUND_MESSAGE);
      if (current.code.toUpperCase() !== code) {
        throw new ConflictError(`This customer's code in this campaign is ${current.code.toUpperCase()}, not ${code}. Check the code again.`);
      }
      refuseUnlessOpen(codeView(campaignInternalId, current, deps));

      // The client's own read-back (verify) is replaced by ours: one read that also gives the new last_update.
      let after: CodeCheckResponse | null;
      try {
        await deps.footprints.changeCodeStatus(caller.accessToken, { ...owner, code, status: target }, { verify: false });
        after = await deps.footprints.checkClientCode(caller.accessToken, owner);
      } catch (thrown) {
        if (!(thrown instanceof VendorError)) throw thrown;
        const error = thrown;
        // Footprints refused (409 no longer associated, 410 expired) or did not answer: read the code again.
        // If it shows our change after a lost answer, our call landed; otherwise say what it shows now.
        const reread = await deps.footprints.checkClientCode(caller.accessToken, owner).catch(() => null);
        const same = reread !== null && reread.code.toUpperCase() === code;
        if (same && reread.prize_status === target && error.retryable) after = reread;
        else if (same && (error.status === 409 || error.status === 410)) {
          refuseUnlessOpen(codeView(campaignInternalId, reread, deps));
          throw error;
        } else throw error;
      }
      // Shown as done only once Footprints itself reports the new status.
      if (!after || after.code.toUpperCase() !== code || after.prize_status !== target) {
        throw new VendorError({
          vendor: 'footprints',
          operation: 'changeCodeStatus',
          status: 200,
          kind: 'invalid_response',
          retryable: false,
          message: `the change was accepted but the code reads as ${after?.prize_status ?? 'missing'}, not ${target}; check the code again`,
        });
      }
      const values = {
        requestId: input.requestId,
        campaignInternalId,
        code,
        status: target,
        reason: target === 'blocked' ? (input.reason ?? null) : null,
        actorId: caller.actor.id,
        actorName: caller.actor.name,
        store,
        confirmedStatus: after.prize_status,
        vendorLastUpdate: after.last_update ?? null,
        createdAt: deps.now(),
      };
      // A row left for this code by an earlier change means Footprints reissued the code since (it was
      // associated again just now): Footprints is the truth, so this change replaces that row.
      const [recorded] = await db
        .insert(loyaltyCodeChanges)
        .values(values)
        .onConflictDoUpdate({ target: [loyaltyCodeChanges.campaignInternalId, loyaltyCodeChanges.code], set: values })
        .returning();
      if (!recorded) throw new Error('loyalty change not recorded');
      return { row: recorded, replayed: false, confirmed: after };
    });
    row = done.row;
    replayed = done.replayed;
    confirmed = done.confirmed;
  } catch (error) {
    const refused = error instanceof ConflictError || error instanceof ValidationError;
    await audit(refused ? 'refused' : 'failure', {
      result: error instanceof Error ? error.message.slice(0, 300) : String(error),
    }).catch((e: unknown) => log('error', 'loyalty.audit_failed', { error: e instanceof Error ? e : String(e) }));
    throw error;
  }

  if (!replayed) await audit('success', { result: `${target} (confirmed by Footprints)`, reasonLabel: input.reason ? BLOCK_REASON_LABELS[input.reason] : undefined });

  const view: CodeView = confirmed
    ? codeView(campaignInternalId, confirmed, deps)
    : {
        campaignInternalId,
        code,
        prize: null,
        status: row.confirmedStatus as CodeStatus,
        statusLabel: STATUS_LABELS[row.confirmedStatus as CodeStatus],
        expiresAt: null,
        expired: false,
        lastUpdate: toIso(row.vendorLastUpdate, deps.timeZone),
        canRedeem: false,
        canBlock: false,
        notice: null,
      };
  const result: ChangeResult = { code: view, replayed };
  if (target === 'redeemed') {
    const when = row.createdAt;
    result.netcoreQueued = await queueRedeemedActivity(db, { ...input, prize: view.prize, store, when, subject: caller.actor.id });
    result.checkin = await sendRedemptionCheckin(db, {
      campaignInternalId,
      code,
      customerEmail: input.email,
      when,
      store,
      subject: caller.actor.id,
    }).catch((error: unknown): CheckinView => {
      log('warn', 'loyalty.checkin_failed', { error: error instanceof Error ? error : String(error) });
      return { state: 'pending', points: null, message: 'The loyalty check-in could not be sent yet; try “Send points again”.' };
    });
  }
  return result;
}

function refuseUnlessOpen(view: CodeView): void {
  if (view.canRedeem) return;
  throw new ConflictError(`${view.notice ?? 'This code cannot be changed.'} Nothing was changed.`);
}

/** The Netcore offline activity of a redemption: once per code (the key), uploaded in the next batch. */
async function queueRedeemedActivity(
  db: Db,
  input: { campaignInternalId: string; code: string; email: string; prize: string | null; store: string | null; when: Date; subject: string },
): Promise<boolean> {
  try {
    await enqueueNetcoreActivity(db, {
      idempotencyKey: netcoreRedeemedKeyOf(input.campaignInternalId, input.code),
      activity: {
        activityName: NETCORE_REDEEMED_ACTIVITY,
        // Netcore's primary key for a contact is the e-mail the console captures.
        identity: input.email,
        timestamp: input.when,
        activitySource: 'STORE',
        params: {
          loyalty_code: input.code,
          campaign_id: input.campaignInternalId,
          prize: input.prize,
          store: input.store,
        },
      },
      subject: input.subject,
      correlation: `loyalty:${input.campaignInternalId}:${input.code}`,
    });
    return true;
  } catch (error) {
    // The code is redeemed already; a queue failure is logged, not shown as a failed redemption.
    log('error', 'loyalty.netcore_enqueue_failed', { error: error instanceof Error ? error : String(error) });
    return false;
  }
}

export async function retryCheckin(db: Db, input: { campaignInternalId: string; code: string }): Promise<CheckinView> {
  return retryRedemptionCheckin(db, input.campaignInternalId, input.code);
}

// ---- prize history --------------------------------------------------------------------------------------

export interface HistoryRow {
  code: string;
  campaignName: string | null;
  campaignInternalId: string | null;
  status: CodeStatus;
  statusLabel: string;
  prize: string | null;
  location: string | null;
  expiresAt: string | null;
  lastUpdate: string | null;
}

export async function getPrizeHistory(db: Db, deps: DeskDeps, caller: DeskCaller, input: { email: string; phone: string }): Promise<HistoryRow[]> {
  await consumeLookup(db, caller.actor.id, 'history', { now: deps.now() });
  const entries = await deps.footprints.getPrizeHistory(caller.accessToken, { userEmail: input.email, userPhone: input.phone });
  return sortNewestFirst(
    entries.map((e) => ({
      code: e.code,
      campaignName: e.campaign?.name ?? null,
      campaignInternalId: e.campaign?.internalId ?? null,
      status: e.status,
      statusLabel: STATUS_LABELS[e.status],
      prize: e.prize?.name ?? null,
      location: e.location?.name ?? null,
      expiresAt: toIso(e.expire_code_date, deps.timeZone),
      lastUpdate: toIso(e.last_update, deps.timeZone),
    })),
  );
}

/** Newest last update first; entries without a date last; ties by code for a stable order. */
export function sortNewestFirst<T extends { lastUpdate: string | null; code: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => {
    const ta = a.lastUpdate ? Date.parse(a.lastUpdate) : -Infinity;
    const tb = b.lastUpdate ? Date.parse(b.lastUpdate) : -Infinity;
    return tb - ta || a.code.localeCompare(b.code);
  });
}

// ---- code list and export -------------------------------------------------------------------------------

export interface CodeListRow {
  code: string;
  campaignName: string | null;
  campaignInternalId: string | null;
  status: CodeStatus;
  statusLabel: string;
  prize: string | null;
  customerName: string | null;
  hostess: string | null;
}

export interface CodeListResult {
  rows: CodeListRow[];
  page: number;
  totalResults: number;
}

export async function listCodes(deps: DeskDeps, accessToken: string, filter: { campaignInternalId?: string; searchTerm?: string; page: number }): Promise<CodeListResult> {
  const page = await deps.footprints.listCodes(accessToken, filter);
  return {
    page: page.page,
    totalResults: page.totalResults,
    rows: page.codes.map((c) => ({
      code: c.code,
      campaignName: c.campaign?.name ?? null,
      campaignInternalId: c.campaign?.internalId ?? null,
      status: c.status,
      statusLabel: STATUS_LABELS[c.status],
      prize: c.prize?.name ?? null,
      customerName: [c.client?.userFirstName, c.client?.userLastName].filter(Boolean).join(' ') || null,
      hostess: c.hostess?.name ?? null,
    })),
  };
}

/** Pages fetched at most for one export (the vendor's page size is not documented; the sandbox's is 20). */
export const MAX_EXPORT_PAGES = 200;

export const CSV_HEADER = ['code', 'campaign_id', 'campaign', 'status', 'prize', 'prize_points', 'first_name', 'last_name', 'email', 'phone', 'allocated_by'] as const;

export interface CsvExport {
  filename: string;
  csv: string;
  rows: number;
  truncated: boolean;
}

/**
 * Every code matching the current filter (campaign, search term; all pages) as CSV, with the customers'
 * personal data: managers only (the action's permission), and audited without the content.
 */
export async function exportCodesCsv(db: Db, deps: DeskDeps, caller: DeskCaller, filter: { campaignInternalId?: string; searchTerm?: string }): Promise<CsvExport> {
  const rows: (string | number | null)[][] = [];
  let total = 0;
  let page = 1;
  let truncated = false;
  for (;;) {
    const answer = await deps.footprints.listCodes(caller.accessToken, { ...filter, page });
    total = answer.totalResults;
    for (const c of answer.codes) {
      rows.push([
        c.code,
        c.campaign?.internalId ?? '',
        c.campaign?.name ?? '',
        c.status,
        c.prize?.name ?? '',
        c.prize?.pointsValue ?? '',
        c.client?.userFirstName ?? '',
        c.client?.userLastName ?? '',
        c.client?.userEmail ?? '',
        c.client?.userPhone ?? '',
        c.hostess?.name ?? '',
      ]);
    }
    if (answer.codes.length === 0 || rows.length >= total) break;
    if (page >= MAX_EXPORT_PAGES) {
      truncated = true;
      break;
    }
    page += 1;
  }
  await recordAudit(db, {
    actor: caller.actor,
    action: 'loyalty.exportCodes',
    target: { type: 'loyalty_campaign', id: filter.campaignInternalId ?? 'all' },
    outcome: 'success',
    detail: { searchTerm: filter.searchTerm ?? null, rows: rows.length, totalResults: total, truncated, personalData: true },
  });
  const stamp = deps.now().toISOString().slice(0, 10);
  return { filename: `loyalty-codes-${filter.campaignInternalId ?? 'all'}-${stamp}.csv`, csv: toCsv(CSV_HEADER, rows), rows: rows.length, truncated };
}
