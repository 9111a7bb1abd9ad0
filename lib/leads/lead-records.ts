/**
 * What the lead use cases share: the lead as the read model holds it (refused when unknown), the audit
 * target and the audit of a failed vendor call. No use case of its own.
 */
import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import { inScope, type StoreScope } from '@/lib/auth/stores';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { formatFootprintsDateTime } from '@/lib/vendors/footprints/dates';
import { VendorError } from '@/lib/vendors/http';
import type { LeadDeps } from './deps';
import { getLeadRecord } from './read-model';
import { leadDocuments, type LeadRecord } from './schema';
import { refusal, serverTranslator } from '@/lib/i18n/server-words';

export const nowOf = (deps: LeadDeps) => (deps.now ?? (() => new Date()))();
export const target = (leadId: string) => ({ type: 'lead', id: leadId });

export const LEAD_NOT_FOUND = serverTranslator('en')('leadDetail.errors.leadNotFound');

/**
 * The lead if it is in the caller's stores, else null — the same null as an unknown lead, so nothing tells
 * that it exists; the attempt on another store's lead is audited (refused, outside_store_scope).
 */
export async function findScopedLead(db: Db, scope: StoreScope, actor: AuditActorRef, action: string, leadId: string): Promise<LeadRecord | null> {
  const lead = await getLeadRecord(db, leadId);
  if (!lead) return null;
  if (inScope(scope, lead.locationId)) return lead;
  await recordAudit(db, { actor, action, target: target(leadId), outcome: 'refused', detail: { reason: 'outside_store_scope' } });
  return null;
}

/** The one lookup of the lead use cases: unknown and out-of-scope leads are refused alike. */
export async function requireLead(db: Db, deps: Pick<LeadDeps, 'scope'>, actor: AuditActorRef, action: string, leadId: string): Promise<LeadRecord> {
  const lead = await findScopedLead(db, deps.scope, actor, action, leadId);
  if (!lead) throw refusal((m) => new ValidationError(m, { leadId: [m] }), (t) => t('leadDetail.errors.leadNotFound'));
  return lead;
}

export async function failure(db: Db, actor: AuditActorRef, action: string, leadId: string, error: unknown, detail: Record<string, unknown> = {}) {
  const reason = error instanceof VendorError ? error.reason : error instanceof Error ? error.name : 'error';
  await recordAudit(db, { actor, action, target: target(leadId), outcome: 'failure', detail: { ...detail, reason } });
}

export async function countContractPdfs(db: Db, leadId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(leadDocuments)
    .where(and(eq(leadDocuments.leadId, leadId), eq(leadDocuments.documentType, 'contracts')));
  return Number(row?.n ?? 0);
}

/** A vendor date-time for a lead action: the datetime-local the form sent ("Y-m-d H:i", store zone), or now. */
export function vendorDateTime(deps: LeadDeps, local: string | undefined): string {
  if (local && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/.test(local)) return `${local.replace('T', ' ')}:00`;
  return formatFootprintsDateTime(nowOf(deps), deps.timeZone);
}
