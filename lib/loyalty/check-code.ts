import 'server-only';
import type { Db } from '@/lib/db';
import type { LoyaltyCaller, LoyaltyDeps } from './deps';
import { campaignEndedAt } from './list-campaigns';
import { consumeLookup } from './rate-limit';
import { campaignInScope } from './scoped-codes';
import { NOT_FOUND_MESSAGE, codeView, type CodeView } from './views';

export type CheckResult = { found: true; code: CodeView } | { found: false; message: string };

/** A customer's code in a campaign and what it allows; rate-limited per member of staff. */
export async function checkCode(
  db: Db,
  deps: LoyaltyDeps,
  caller: LoyaltyCaller,
  input: { campaignInternalId: string; email: string; phone: string },
): Promise<CheckResult> {
  await consumeLookup(db, caller.actor.id, 'check', { now: deps.now() });
  // Another store's campaign: the same answer as no code at all (the refusal is audited).
  if (!(await campaignInScope(db, deps, caller, input.campaignInternalId, 'loyalty.check'))) return { found: false, message: NOT_FOUND_MESSAGE };
  const answer = await deps.footprints.checkClientCode(caller.accessToken, {
    userEmail: input.email,
    userPhone: input.phone,
    campaignInternalId: input.campaignInternalId,
  });
  if (!answer) return { found: false, message: NOT_FOUND_MESSAGE };
  const ended = await campaignEndedAt(deps, caller.accessToken, input.campaignInternalId);
  return { found: true, code: codeView(input.campaignInternalId, answer, deps, ended) };
}
