/**
 * The admin pages' reads: the staff directory with their assigned roles, the sync queue (only what the
 * page shows: payloads, which hold personal data, stay on the server), and the audit trail.
 */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { isRole, type Role } from '@/lib/auth/roles';
import { listAudit, listAuditActions, type AuditQuery } from '@/lib/audit';
import { getDb, type Db } from '@/lib/db';
import { roleAssignments, staffMembers } from '@/lib/db/schema';
import { listJobs, type OutboxStatus } from '@/lib/outbox';

export interface StaffRow {
  subject: string;
  kind: string;
  displayName: string;
  username: string | null;
  lastSignInAt: Date | null;
  role: Role | null;
  assignedBy: string | null;
  assignedAt: Date | null;
}

export async function listStaff(db: Db): Promise<StaffRow[]> {
  const rows = await db
    .select({
      subject: staffMembers.subject,
      kind: staffMembers.kind,
      displayName: staffMembers.displayName,
      username: staffMembers.username,
      lastSignInAt: staffMembers.lastSignInAt,
      role: roleAssignments.role,
      assignedBy: roleAssignments.assignedBy,
      assignedAt: roleAssignments.assignedAt,
    })
    .from(staffMembers)
    .leftJoin(roleAssignments, eq(roleAssignments.subject, staffMembers.subject))
    .orderBy(asc(staffMembers.displayName));
  return rows.map((r) => ({ ...r, role: isRole(r.role) ? r.role : null }));
}

/** The roles page: everyone who has signed in and the role each holds. */
export async function listStaffPage(): Promise<StaffRow[]> {
  return listStaff(await getDb());
}

export const QUEUE_PAGE_SIZE = 50;

export interface QueueRow {
  id: string;
  kind: string;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  correlation: string | null;
  subject: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface QueueView {
  rows: QueueRow[];
  total: number;
  counts: Record<OutboxStatus, number>;
  page: number;
  pages: number;
}

/** Only what the page shows: payloads (personal data) stay on the server. */
export async function listQueue(db: Db, input: { status?: OutboxStatus; page: number }): Promise<QueueView> {
  const result = await listJobs(db, { status: input.status, limit: QUEUE_PAGE_SIZE, offset: (input.page - 1) * QUEUE_PAGE_SIZE });
  return {
    rows: result.rows.map((j) => ({
      id: j.id,
      kind: j.kind,
      status: j.status,
      attempts: j.attempts,
      maxAttempts: j.maxAttempts,
      nextAttemptAt: j.nextAttemptAt.toISOString(),
      lastError: j.lastError,
      correlation: j.correlation,
      subject: j.subject,
      createdAt: j.createdAt.toISOString(),
      updatedAt: j.updatedAt.toISOString(),
    })),
    total: result.total,
    counts: result.counts,
    page: input.page,
    pages: Math.max(1, Math.ceil(result.total / QUEUE_PAGE_SIZE)),
  };
}

/** The audit page: one page of entries matching the filter, and every action name for the filter's list. */
export async function auditPage(query: AuditQuery) {
  const db = await getDb();
  const [result, actions] = await Promise.all([listAudit(db, query), listAuditActions(db)]);
  return { result, actions };
}
