/**
 * The admin pages' reads: the staff directory with their assigned roles, the sync queue (only what the
 * page shows: payloads, which hold personal data, stay on the server), and the audit trail.
 */
import 'server-only';
import { asc, eq, inArray, or } from 'drizzle-orm';
import { isRole, type Role } from '@/lib/auth/roles';
import { listAudit, listAuditActions, type AuditQuery } from '@/lib/audit';
import { getDb, type Db } from '@/lib/db';
import { roleAssignments, staffMembers, staffStoreScopes } from '@/lib/db/schema';
import { SANDBOX_SEED_MARK } from '@/lib/auth/sandbox-roles';
import { matchBusinessUser, scopeFromRow, type StoreScope, type VendorStaffEntry } from '@/lib/auth/stores';
import { listJobs, type OutboxJob, type OutboxStatus } from '@/lib/outbox';
import { CAPTURE_LEAD_JOB } from '@/lib/capture/delivery';
import { maskEmail, maskPhone } from '@/lib/capture/find-possible-duplicates';
import type { CandidateLead } from '@/lib/capture/lead-reconciliation';
import { captureSubmissions } from '@/lib/capture/schema';
import { getConfig } from '@/lib/config';
import { leadRecords } from '@/lib/leads/schema';
import { getFootprintsClient } from '@/lib/vendors/clients';

export interface StaffRow {
  subject: string;
  kind: string;
  displayName: string;
  username: string | null;
  lastSignInAt: Date | null;
  role: Role | null;
  /**
   * A role the person holds whatever is assigned here: admin through the operator's ADMIN_USERNAMES, or
   * hostess through Footprints (a PIN sign-in's hostess_scope).
   */
  inherent: InherentRole | null;
  assignedBy: string | null;
  /** The name of who assigned the role ("the sandbox setup" for the demo seed); the id stays in assignedBy. */
  assignedByName: string | null;
  assignedAt: Date | null;
}

export type InherentRole = 'admin_config' | 'hostess_footprints';


/** Who set a role, by name: staff by their display name, the sandbox's demo seed by what it is. */
const SYSTEM_ASSIGNERS: Record<string, string> = { 'sandbox-seed': 'the sandbox setup' };

export function inherentRoleOf(member: { kind: string; username: string | null }, adminUsernames: readonly string[]): InherentRole | null {
  if (member.kind === 'hostess') return 'hostess_footprints';
  if (member.username && adminUsernames.includes(member.username)) return 'admin_config';
  return null;
}

/** Display names of staff subjects (ids the audit trail and the queue store), for showing people by name. */
export async function staffNames(db: Db, subjects: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(subjects)].filter(Boolean);
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ subject: staffMembers.subject, displayName: staffMembers.displayName })
    .from(staffMembers)
    .where(inArray(staffMembers.subject, unique));
  return new Map(rows.map((r) => [r.subject, r.displayName]));
}

export async function listStaff(db: Db, opts: { adminUsernames: readonly string[] }): Promise<StaffRow[]> {
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
  const names = await staffNames(db, rows.map((r) => r.assignedBy).filter((s): s is string => !!s));
  return rows.map((r) => ({
    ...r,
    role: isRole(r.role) ? r.role : null,
    inherent: inherentRoleOf(r, opts.adminUsernames),
    assignedByName: r.assignedBy ? (SYSTEM_ASSIGNERS[r.assignedBy] ?? names.get(r.assignedBy) ?? r.assignedBy) : null,
  }));
}

/** The roles page: everyone who has signed in and the role each holds (configuration admins and PIN hostesses named so). */
export async function listStaffPage(): Promise<StaffRow[]> {
  return listStaff(await getDb(), { adminUsernames: getConfig().auth.adminUsernames });
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
  /** Which lead, capture or code the job is for, in words ("Lead Ana Popescu", "Capture of Ana P."). */
  forLabel: string | null;
  /** The lead's page, when the job is for a lead the pipeline knows. */
  forHref: string | null;
  /** Who started it, by name (the subject is the id). */
  requestedBy: string | null;
  /** For a capture waiting for a person (needs_person): what the admin compares to choose. */
  check: CaptureCheckView | null;
  createdAt: string;
  updatedAt: string;
}

/** A capture whose add-lead answer was lost and that the console could not find either way (issue 13). */
export interface CaptureCheckView {
  /** Why a person must decide (put into words where shown). */
  why: CaptureCheckWhy;
  capture: { name: string; capturedAt: string; capturedBy: string; maskedEmail: string | null; maskedPhone: string | null; locationId: string | null };
  candidates: CandidateLead[];
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
  const describe = await jobTargets(db, result.rows);
  const checks = await captureChecks(db, result.rows);
  return {
    rows: result.rows.map((j) => ({
      ...describe(j),
      check: checks.get(j.id) ?? null,
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

/** Why a person must decide, as a kind the queue page puts into words (messages "admin.check.why"). */
export type CaptureCheckWhy = 'not_listable' | 'several_matches';

/** The needs_person capture jobs of a page: the capture (masked) and the candidate leads the job found. */
async function captureChecks(db: Db, jobs: readonly OutboxJob[]): Promise<Map<string, CaptureCheckView>> {
  const held = jobs.filter((j) => j.status === 'needs_person' && j.kind === CAPTURE_LEAD_JOB);
  const out = new Map<string, CaptureCheckView>();
  if (held.length === 0) return out;
  const ids = held.map((j) => (j.payload as { submissionId?: unknown }).submissionId).filter((id): id is string => typeof id === 'string');
  const rows = ids.length
    ? await db
        .select({
          id: captureSubmissions.id,
          name: captureSubmissions.displayName,
          capturedAt: captureSubmissions.capturedAt,
          capturedBy: captureSubmissions.hostessName,
          email: captureSubmissions.emailNormalized,
          phone: captureSubmissions.phoneNormalized,
          locationId: captureSubmissions.locationId,
        })
        .from(captureSubmissions)
        .where(inArray(captureSubmissions.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const job of held) {
    const row = byId.get((job.payload as { submissionId?: string }).submissionId ?? '');
    if (!row) continue;
    const result = (job.result ?? {}) as { reason?: string; candidates?: CandidateLead[] };
    out.set(job.id, {
      why: result.reason === 'several_matches' ? 'several_matches' : 'not_listable',
      capture: {
        name: row.name,
        capturedAt: row.capturedAt.toISOString(),
        capturedBy: row.capturedBy,
        maskedEmail: row.email ? maskEmail(row.email) : null,
        maskedPhone: row.phone ? maskPhone(row.phone) : null,
        locationId: row.locationId,
      },
      candidates: Array.isArray(result.candidates) ? result.candidates : [],
    });
  }
  return out;
}

/** The audit page: one page of entries matching the filter, and every action name for the filter's list. */
export async function auditPage(query: AuditQuery) {
  const db = await getDb();
  const [result, actions] = await Promise.all([listAudit(db, query), listAuditActions(db)]);
  // People by name (their ids on hover): the staff a change was made to.
  const staffTargets = await staffNames(db, result.rows.filter((r) => r.targetType === 'staff').map((r) => r.targetId));
  return { result, actions, staffTargets };
}

type Correlation = { kind: 'lead'; id: string } | { kind: 'capture'; key: string } | { kind: 'loyalty'; campaign: string; code: string } | null;

/** The correlations jobs are queued with (lib/capture/delivery.ts, lib/loyalty): lead:…, capture:…, loyalty:…:…. */
export function parseCorrelation(correlation: string | null): Correlation {
  if (!correlation) return null;
  const [kind, ...rest] = correlation.split(':');
  if (kind === 'lead' && rest[0]) return { kind: 'lead', id: rest.join(':') };
  if (kind === 'capture' && rest[0]) return { kind: 'capture', key: rest.join(':') };
  if (kind === 'loyalty' && rest.length === 2) return { kind: 'loyalty', campaign: rest[0], code: rest[1] };
  return null;
}

const fullName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || null;

/**
 * What each job is for, in words an admin recognises: the lead's name (from the pipeline, or the capture
 * that made it), the capture's short name, the loyalty code; and who started it, by name.
 */
async function jobTargets(db: Db, jobs: readonly { correlation: string | null; subject: string | null }[]) {
  const parsed = jobs.map((j) => parseCorrelation(j.correlation));
  const leadIds = parsed.flatMap((c) => (c?.kind === 'lead' ? [c.id] : []));
  const captureKeys = parsed.flatMap((c) => (c?.kind === 'capture' ? [c.key] : []));
  const [leads, captures, people] = await Promise.all([
    leadIds.length
      ? db.select({ id: leadRecords.id, firstName: leadRecords.firstName, lastName: leadRecords.lastName }).from(leadRecords).where(inArray(leadRecords.id, leadIds))
      : [],
    captureKeys.length || leadIds.length
      ? db
          .select({ key: captureSubmissions.idempotencyKey, name: captureSubmissions.displayName, leadId: captureSubmissions.footprintsLeadId })
          .from(captureSubmissions)
          .where(
            or(
              captureKeys.length ? inArray(captureSubmissions.idempotencyKey, captureKeys) : undefined,
              leadIds.length ? inArray(captureSubmissions.footprintsLeadId, leadIds) : undefined,
            ),
          )
      : [],
    staffNames(db, jobs.map((j) => j.subject ?? '').filter(Boolean)),
  ]);
  const leadName = new Map(leads.map((l) => [l.id, fullName(l.firstName, l.lastName)]));
  const captureByKey = new Map(captures.map((c) => [c.key, c]));
  const captureByLead = new Map(captures.filter((c) => c.leadId).map((c) => [c.leadId as string, c.name]));
  return (job: { correlation: string | null; subject: string | null }) => {
    const c = parseCorrelation(job.correlation);
    const requestedBy = job.subject ? (people.get(job.subject) ?? null) : null;
    if (c?.kind === 'lead') {
      const name = leadName.get(c.id) ?? captureByLead.get(c.id) ?? null;
      return { forLabel: name ? `Lead ${name}` : `Lead ${c.id}`, forHref: leadName.has(c.id) ? `/leads/${encodeURIComponent(c.id)}` : null, requestedBy };
    }
    if (c?.kind === 'capture') {
      const capture = captureByKey.get(c.key);
      return { forLabel: capture ? `Capture of ${capture.name}` : 'A lead capture', forHref: capture?.leadId ? `/leads/${encodeURIComponent(capture.leadId)}` : null, requestedBy };
    }
    if (c?.kind === 'loyalty') return { forLabel: `Loyalty code ${c.code}`, forHref: null, requestedBy };
    return { forLabel: null, forHref: null, requestedBy };
  };
}

/** One person on the staff page: who signed in, who an admin set up before their first sign-in, and Footprints' business users. */
export interface DirectoryRow extends StaffRow {
  /** The admin's store choice (it wins), or null: Footprints decides. */
  storeOverride: StoreScope | null;
  /** The locations Footprints lists for the person's business user, when one matches. */
  footprintsStores: string[] | null;
  email: string | null;
  /** 'console': signed in or set up here; 'footprints': known only as a Footprints business user so far. */
  source: 'console' | 'footprints';
}

export interface BusinessUserEntry extends VendorStaffEntry {
  name: string;
}

/**
 * The staff page's list. Footprints' business users come from the caller (the page asks Footprints with the
 * admin's token; null when it did not answer): a business user is shown on the row of the person it matches,
 * or on a row of its own under 'user:<e-mail>', the username they sign in with.
 */
export async function listStaffDirectory(
  db: Db,
  opts: { adminUsernames: readonly string[]; sandbox: boolean; businessUsers: readonly BusinessUserEntry[] | null; query?: string },
): Promise<DirectoryRow[]> {
  const staff = await listStaff(db, opts);
  const [assignedOnly, overrides] = await Promise.all([
    db.select().from(roleAssignments),
    db.select().from(staffStoreScopes),
  ]);
  const visible = (r: { assignedBy: string }) => opts.sandbox || r.assignedBy !== SANDBOX_SEED_MARK;
  const overrideOf = new Map(overrides.filter(visible).map((o) => [o.subject, scopeFromRow(o)]));
  const known = new Set(staff.map((s) => s.subject));
  const rows: DirectoryRow[] = [];
  const matched = new Set<string>();
  const users = opts.businessUsers ?? [];
  const add = (row: StaffRow, email: string | null, source: DirectoryRow['source'], user: BusinessUserEntry | null) => {
    if (user) matched.add(user.id);
    rows.push({ ...row, email, source, storeOverride: overrideOf.get(row.subject) ?? null, footprintsStores: user ? [...user.locationIds] : null });
  };
  for (const s of staff) {
    const user = matchBusinessUser(users, { hostessId: s.kind === 'hostess' ? s.subject.replace(/^hostess:/, '') : null, username: s.username }) as BusinessUserEntry | null;
    add(s, user?.email ?? null, 'console', user);
  }
  // Set up before their first sign-in: an assignment or a store choice, no sign-in yet.
  const names = await staffNames(db, assignedOnly.map((a) => a.assignedBy));
  const pending = new Set([...assignedOnly.filter(visible).map((a) => a.subject), ...overrideOf.keys()].filter((s) => !known.has(s) && s.startsWith('user:')));
  for (const subject of pending) {
    const username = subject.slice('user:'.length);
    const a = assignedOnly.find((x) => x.subject === subject && visible(x));
    const user = matchBusinessUser(users, { username }) as BusinessUserEntry | null;
    const row: StaffRow = {
      subject,
      kind: 'staff',
      displayName: user?.name ?? username,
      username,
      lastSignInAt: null,
      role: a && isRole(a.role) ? a.role : null,
      inherent: inherentRoleOf({ kind: 'staff', username }, opts.adminUsernames),
      assignedBy: a?.assignedBy ?? null,
      assignedByName: a ? (SYSTEM_ASSIGNERS[a.assignedBy] ?? names.get(a.assignedBy) ?? a.assignedBy) : null,
      assignedAt: a?.assignedAt ?? null,
    };
    add(row, user?.email ?? null, 'console', user);
  }
  for (const user of users) {
    if (matched.has(user.id) || !user.email) continue;
    const username = user.email.trim().toLowerCase();
    if (known.has(`user:${username}`) || pending.has(`user:${username}`)) continue;
    add(
      { subject: `user:${username}`, kind: 'staff', displayName: user.name, username, lastSignInAt: null, role: null, inherent: inherentRoleOf({ kind: 'staff', username }, opts.adminUsernames), assignedBy: null, assignedByName: null, assignedAt: null },
      user.email,
      'footprints',
      user,
    );
  }
  const q = opts.query?.trim().toLowerCase();
  const found = q ? rows.filter((r) => [r.displayName, r.username, r.email].some((v) => v?.toLowerCase().includes(q))) : rows;
  return found.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.subject.localeCompare(b.subject));
}

/**
 * The staff page (/admin/staff): the directory with Footprints' business users and the chain's stores, both
 * asked of Footprints with the admin's own token. If Footprints does not answer, the console's own people are
 * still listed and the page says what is missing.
 */
export async function staffPage(accessToken: string, query: string | undefined) {
  const config = getConfig();
  const client = getFootprintsClient();
  const [users, locations] = await Promise.all([
    client.listBusinessUsers(accessToken).catch(() => null),
    client.listLocations(accessToken).catch(() => null),
  ]);
  const businessUsers = users?.map((u) => ({
    id: u._id,
    email: u.email ?? null,
    name: [u.firstName, u.lastName].filter(Boolean).join(' ') || (u.email ?? u._id),
    locationIds: (u.locations ?? []).map((l) => l._id),
  })) ?? null;
  const rows = await listStaffDirectory(await getDb(), { adminUsernames: config.auth.adminUsernames, sandbox: config.sandbox, businessUsers, query });
  const stores = (locations ?? []).map((l) => ({ id: l._id, name: l.name })).sort((a, b) => a.name.localeCompare(b.name));
  return { rows, stores, footprintsAnswered: users !== null && locations !== null };
}
