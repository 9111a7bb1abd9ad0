import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import type { Customer } from '@/lib/vendors/footprints';
import { VendorError } from '@/lib/vendors/http';
import { caseTarget, requireCaseRow } from './case-records';
import type { PrivacyDeps } from './deps';
import type { SubjectProfile } from './results';
import { PRIVACY_ERRORS } from './errors';

/** The Footprints client record, without the vendor's internal version counter. */
export function profileRecord(customer: Customer): Record<string, unknown> {
  const { __v: _version, ...rest } = customer as Customer & { __v?: unknown };
  return rest;
}

/** The subject's Footprints profile (GET /api/client), which needs both e-mail and phone. Audited. */
export async function fetchSubjectProfile(
  db: Db,
  deps: Pick<PrivacyDeps, 'footprints'> & { accessToken: string },
  actor: AuditActorRef,
  caseId: string,
): Promise<SubjectProfile> {
  const kase = await requireCaseRow(db, caseId);
  if (!kase.subjectEmail || !kase.subjectPhone) {
    throw new ValidationError(PRIVACY_ERRORS.profileNeedsBoth);
  }
  try {
    const customer = await deps.footprints.getCustomer(deps.accessToken, { userEmail: kase.subjectEmail, userPhone: kase.subjectPhone });
    await recordAudit(db, {
      actor,
      action: 'privacy.profile.lookup',
      target: caseTarget(kase.reference),
      outcome: 'success',
      // Chain-wide on purpose (a data subject's request covers every store); the trail says whose data it was.
      detail: { vendor: 'footprints', found: customer !== null, stores: storesOfCustomer(customer) },
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

/** The stores (Footprints locations) of the customer's leads, for the audit: which stores' data was included. */
function storesOfCustomer(customer: Customer | null): string[] {
  return [...new Set((customer?.leads ?? []).map((l) => l.locationId).filter((id): id is string => Boolean(id)))].sort();
}
