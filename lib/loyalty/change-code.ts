/**
 * The one way a code changes status (redeem-code.ts, block-code.ts): once, serialised per code, confirmed by
 * Footprints, audited whatever the outcome. Not a use case of its own.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ConflictError, ValidationError } from '@/lib/errors';
import { log } from '@/lib/log';
import { recordLoyaltyCodeChange } from '@/lib/metrics';
import type { CodeCheckResponse } from '@/lib/vendors/footprints';
import { VendorError } from '@/lib/vendors/http';
import type { CheckinView } from './checkin';
import { claimTtlMs, withCodeClaim } from './claims';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';
import { campaignEndedAt, storeOf } from './list-campaigns';
import { BLOCK_REASON_LABELS, CODE_STATE_LABELS, claimKeyOf, type BlockReason, type CodeStatus } from './rules';
import type { LoyaltyChangeTarget } from './constants';
import { loyaltyCodeChanges, type LoyaltyCodeChangeRow } from './schema';
import { campaignInScope } from './scoped-codes';
import { refusal } from '@/lib/i18n/server-words';
import { codeView, notFoundRefusal, refuseUnlessOpen, toIso, type CodeView } from './views';

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

/** A change carried out (or replayed): what the desk shows, the recorded row and the campaign's store. */
export interface ChangedCode {
  view: CodeView;
  replayed: boolean;
  row: LoyaltyCodeChangeRow;
  store: string | null;
}

const auditAction = (target: LoyaltyChangeTarget) => (target === 'redeemed' ? 'loyalty.redeem' : 'loyalty.block');

/**
 * Redeems or blocks one code, once: serialised per code (withCodeClaim), the code re-read from Footprints
 * inside the critical section, the change confirmed by reading it back, the outcome audited whatever it is.
 * A second tablet (or a double click) that loses the race gets a ConflictError naming the code's new status.
 */
export async function changeCode(db: Db, deps: LoyaltyDeps, caller: LoyaltyCaller, input: ChangeInput): Promise<ChangedCode> {
  const { campaignInternalId, code, target } = input;
  const store = await storeOf(deps, caller.accessToken, campaignInternalId);
  // Another store's campaign answers like a code that does not exist (refused below, and audited as outside the scope).
  const allowed = await campaignInScope(db, deps, caller, campaignInternalId, auditAction(target));
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
      if (!allowed) throw notFoundRefusal();
      if (prior && prior.requestId === input.requestId) return { row: prior, replayed: true, confirmed: null };

      const current = await deps.footprints.checkClientCode(caller.accessToken, owner);
      if (!current) throw notFoundRefusal();
      if (current.code.toUpperCase() !== code) {
        throw refusal((m) => new ConflictError(m), (t) => t('loyalty.errors.otherCode', { actual: current.code.toUpperCase(), code }));
      }
      // Footprints would still change a code of an ended campaign until its codes expire; the desk does not.
      const ended = await campaignEndedAt(deps, caller.accessToken, campaignInternalId);
      refuseUnlessOpen(codeView(campaignInternalId, current, deps, ended));

      // The client answers only "success": one read confirms the status and gives the new last_update.
      let after: CodeCheckResponse | null;
      try {
        await deps.footprints.changeCodeStatus(caller.accessToken, { ...owner, code, status: target });
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
    }, { ttlMs: claimTtlMs(deps.vendorTimeoutMs) });
    row = done.row;
    replayed = done.replayed;
    confirmed = done.confirmed;
  } catch (error) {
    const refused = error instanceof ConflictError || error instanceof ValidationError;
    recordLoyaltyCodeChange(target, refused ? 'refused' : 'failure');
    await audit(refused ? 'refused' : 'failure', {
      result: error instanceof Error ? error.message.slice(0, 300) : String(error),
    }).catch((e: unknown) => log('error', 'loyalty.audit_failed', { error: e instanceof Error ? e : String(e) }));
    throw error;
  }

  if (!replayed) recordLoyaltyCodeChange(target, 'success');
  if (!replayed) await audit('success', { result: `${target} (confirmed by Footprints)`, reasonLabel: input.reason ? BLOCK_REASON_LABELS[input.reason] : undefined });

  const view: CodeView = confirmed
    ? codeView(campaignInternalId, confirmed, deps)
    : {
        campaignInternalId,
        code,
        prize: null,
        status: row.confirmedStatus as CodeStatus,
        state: row.confirmedStatus as CodeStatus,
        statusLabel: CODE_STATE_LABELS[row.confirmedStatus as CodeStatus],
        expiresAt: null,
        expired: false,
        campaignEndedAt: null,
        lastUpdate: toIso(row.vendorLastUpdate, deps.timeZone),
        timeZone: deps.timeZone,
        canRedeem: false,
        canBlock: false,
        notice: null,
      };
  return { view, replayed, row, store };
}
