/**
 * A privacy case as the desk reads it: masked (no full e-mail or phone before "Reveal"), with the days left;
 * the audit target of every event on it. Shared by the case use cases; no use case of its own.
 */
import 'server-only';
import { randomInt } from 'node:crypto';
import { and, asc, count, eq, ilike, type SQL } from 'drizzle-orm';
import { clampPage } from '@/lib/paging';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { daysLeft, maskEmail, maskPhone } from './case-rules';
import type { PrivacyCaseStatus } from './constants';
import { privacyCases, type PrivacyCaseRow } from './schema';
import { PRIVACY_ERRORS } from './errors';

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
  const [{ total }] = await db.select({ total: count() }).from(privacyCases).where(where);
  // A page past the last (an old link, cases closed since) shows the last page.
  const page = clampPage(query.page ?? 1, Number(total), CASE_PAGE_SIZE);
  const rows = await db
    .select()
    .from(privacyCases)
    .where(where)
    .orderBy(asc(privacyCases.dueOn), asc(privacyCases.reference))
    .limit(CASE_PAGE_SIZE)
    .offset((page - 1) * CASE_PAGE_SIZE);
  return { rows: rows.map((r) => toMaskedCase(r, today)), total: Number(total), page, pageSize: CASE_PAGE_SIZE };
}

export async function getCaseRow(db: Db, caseId: string): Promise<PrivacyCaseRow | null> {
  const [row] = await db.select().from(privacyCases).where(eq(privacyCases.id, caseId)).limit(1);
  return row ?? null;
}

export async function requireCaseRow(db: Db, caseId: string): Promise<PrivacyCaseRow> {
  const row = await getCaseRow(db, caseId);
  if (!row) throw new ValidationError(PRIVACY_ERRORS.noCase, { caseId: [PRIVACY_ERRORS.noCase] });
  return row;
}
