/**
 * Use cases of the privacy desk's cases: create, list (masked), read, update, reveal (audited).
 * Every event is audited against the case reference; the audit detail never holds the subject's
 * e-mail or phone.
 */
import 'server-only';
import { randomInt } from 'node:crypto';
import { and, asc, count, eq, ilike, type SQL } from 'drizzle-orm';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ConflictError, ValidationError } from '@/lib/errors';
import { daysLeft, dueDateFor, maskEmail, maskPhone, type CreateCaseData } from './case-rules';
import { privacyCases, type PrivacyCaseRow, type PrivacyCaseStatus } from './schema';

export const CASE_PAGE_SIZE = 25;

/** What a list or a page may show before "Reveal": no full e-mail or phone. */
export interface MaskedCase {
  id: string;
  reference: string;
  maskedEmail: string | null;
  maskedPhone: string | null;
  hasEmail: boolean;
  hasPhone: boolean;
  receivedOn: string;
  dueOn: string;
  daysLeft: number | null;
  status: PrivacyCaseStatus;
  notes: string;
  createdByName: string;
  createdAt: string;
}

export const caseTarget = (reference: string) => ({ type: 'privacy_case', id: reference });

const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** DSAR-YYMMDD-XXXX: the received date and four random characters (no 0/O/1/I). */
export function newCaseReference(receivedOn: string): string {
  const ymd = receivedOn.replace(/-/g, '').slice(2);
  let suffix = '';
  for (let i = 0; i < 4; i++) suffix += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `DSAR-${ymd}-${suffix}`;
}

export function toMaskedCase(row: PrivacyCaseRow, today: string): MaskedCase {
  return {
    id: row.id,
    reference: row.reference,
    maskedEmail: maskEmail(row.subjectEmail),
    maskedPhone: maskPhone(row.subjectPhone),
    hasEmail: Boolean(row.subjectEmail),
    hasPhone: Boolean(row.subjectPhone),
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    daysLeft: daysLeft(row.dueOn, today),
    status: row.status,
    notes: row.notes,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function createCase(db: Db, actor: AuditActorRef, data: CreateCaseData): Promise<{ id: string; reference: string }> {
  const dueOn = dueDateFor(data.receivedOn);
  if (!dueOn) throw new ValidationError('Enter a real date.', { receivedOn: ['Enter a real date.'] });
  for (let attempt = 0; attempt < 5; attempt++) {
    const reference = newCaseReference(data.receivedOn);
    const rows = await db
      .insert(privacyCases)
      .values({
        reference,
        subjectEmail: data.subjectEmail?.toLowerCase() ?? null,
        subjectPhone: data.subjectPhone ?? null,
        receivedOn: data.receivedOn,
        dueOn,
        notes: data.notes ?? '',
        createdBy: actor.id,
        createdByName: actor.name,
      })
      .onConflictDoNothing({ target: privacyCases.reference })
      .returning({ id: privacyCases.id, reference: privacyCases.reference });
    if (rows[0]) {
      await recordAudit(db, {
        actor,
        action: 'privacy.case.create',
        target: caseTarget(reference),
        outcome: 'success',
        detail: { receivedOn: data.receivedOn, dueOn, hasEmail: Boolean(data.subjectEmail), hasPhone: Boolean(data.subjectPhone) },
      });
      return rows[0];
    }
  }
  throw new ConflictError('Could not give the case a unique reference; try again.');
}

export interface CaseListPage {
  rows: MaskedCase[];
  total: number;
  page: number;
  pageSize: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listCases(
  db: Db,
  query: { status?: PrivacyCaseStatus; reference?: string; page?: number },
  today: string,
): Promise<CaseListPage> {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(privacyCases.status, query.status));
  const ref = query.reference?.trim();
  if (ref) conditions.push(ilike(privacyCases.reference, `%${escapeLike(ref)}%`));
  const where = conditions.length ? and(...conditions) : undefined;
  const page = Math.max(1, query.page ?? 1);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(privacyCases)
      .where(where)
      .orderBy(asc(privacyCases.dueOn), asc(privacyCases.reference))
      .limit(CASE_PAGE_SIZE)
      .offset((page - 1) * CASE_PAGE_SIZE),
    db.select({ total: count() }).from(privacyCases).where(where),
  ]);
  return { rows: rows.map((r) => toMaskedCase(r, today)), total: Number(total), page, pageSize: CASE_PAGE_SIZE };
}

export async function getCaseRow(db: Db, caseId: string): Promise<PrivacyCaseRow | null> {
  const [row] = await db.select().from(privacyCases).where(eq(privacyCases.id, caseId)).limit(1);
  return row ?? null;
}

export async function requireCaseRow(db: Db, caseId: string): Promise<PrivacyCaseRow> {
  const row = await getCaseRow(db, caseId);
  if (!row) throw new ValidationError('That case does not exist.', { caseId: ['That case does not exist.'] });
  return row;
}

export async function updateCase(
  db: Db,
  actor: AuditActorRef,
  input: { caseId: string; status: PrivacyCaseStatus; notes: string },
): Promise<{ status: PrivacyCaseStatus; notes: string }> {
  const before = await requireCaseRow(db, input.caseId);
  await db
    .update(privacyCases)
    .set({ status: input.status, notes: input.notes, updatedAt: new Date() })
    .where(eq(privacyCases.id, input.caseId));
  await recordAudit(db, {
    actor,
    action: 'privacy.case.update',
    target: caseTarget(before.reference),
    outcome: 'success',
    // The notes may hold anything; the trail records that they changed, not what they say.
    detail: { statusFrom: before.status, statusTo: input.status, notesChanged: before.notes !== input.notes },
  });
  return { status: input.status, notes: input.notes };
}

/** The subject's identifiers in full, for one member of staff, once: audited. */
export async function revealCaseSubject(
  db: Db,
  actor: AuditActorRef,
  caseId: string,
): Promise<{ reference: string; email: string | null; phone: string | null }> {
  const row = await requireCaseRow(db, caseId);
  await recordAudit(db, {
    actor,
    action: 'privacy.reveal',
    target: caseTarget(row.reference),
    outcome: 'success',
    detail: { fields: [row.subjectEmail ? 'email' : null, row.subjectPhone ? 'phone' : null].filter(Boolean) },
  });
  return { reference: row.reference, email: row.subjectEmail, phone: row.subjectPhone };
}
