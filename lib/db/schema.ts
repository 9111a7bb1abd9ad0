/**
 * The one drizzle schema, shared by embedded PGlite and PostgreSQL. Migrations in ./migrations are
 * generated from it by drizzle-kit (`npx drizzle-kit generate`); never edit a generated file by hand.
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** `col IN ('a','b')` for a CHECK constraint: the database refuses a value the types would. */
const oneOf = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * needs_person: the job cannot decide on its own and waits for an admin's choice on /admin/queue (issue 13: a
 * capture whose add-lead answer was lost and whose lead the list cannot show either way).
 */
export const OUTBOX_STATUSES = ['queued', 'running', 'done', 'dead', 'needs_person'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const STAFF_ROLES = ['hostess', 'manager', 'support', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_KINDS = ['hostess', 'staff'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/** Durable jobs: written before any vendor is called, delivered at once and retried by the worker. */
export const outboxJobs = pgTable(
  'outbox_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** From the form (or derived from it): a duplicate tap or a retry finds the same job. */
    idempotencyKey: text('idempotency_key').notNull().unique('outbox_jobs_idempotency_key_unique'),
    payload: jsonb('payload').$type<unknown>().notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Short and redacted: never a vendor body or a key. */
    lastError: text('last_error'),
    /** What the handler returned (e.g. the vendor's lead id). */
    result: jsonb('result').$type<unknown>(),
    /** The worker that holds the claim (`worker:<host>:<pid>`), for people reading the queue. */
    lockedBy: text('locked_by'),
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }),
    /**
     * A random token drawn for each claim: only the run holding it may record the outcome or renew the lease,
     * so a stale run and the reclaim of the same job (even in the same process, same worker id) never both do.
     */
    claimToken: uuid('claim_token'),
    /** Until when the claim holds; renewed while the job runs; past it, another worker may claim the job again. */
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    /** Who queued it (a staff subject), for filtering. */
    subject: text('subject'),
    /** What it belongs to (a lead id, a form id), for filtering. */
    correlation: text('correlation'),
    ...timestamps,
  },
  (t) => [
    index('outbox_jobs_claim_idx').on(t.status, t.nextAttemptAt),
    index('outbox_jobs_running_lock_idx').on(t.lockedAt).where(sql`${t.status} = 'running'`),
    index('outbox_jobs_kind_idx').on(t.kind, t.createdAt),
    index('outbox_jobs_correlation_idx').on(t.correlation),
    index('outbox_jobs_subject_idx').on(t.subject),
    check('outbox_jobs_status_check', sql`${t.status} IN (${oneOf(OUTBOX_STATUSES)})`),
    check('outbox_jobs_attempts_check', sql`${t.attempts} >= 0 AND ${t.maxAttempts} >= 1`),
  ],
);

/**
 * Fleet-wide leases (lib/db/leases.ts): one row per thing only one console instance may do at a time (the lead
 * sync). A row rather than an advisory lock: it works alike on PGlite and PostgreSQL, survives no connection,
 * and a holder that died frees it when `expires_at` passes.
 */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  /** The random token of the current holder (one per acquisition). */
  holder: text('holder').notNull(),
  /** Who holds it, for people (`<host>:<pid>`). */
  owner: text('owner').notNull(),
  acquiredAt: timestamp('acquired_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Append-only: a trigger in the migrations raises on UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    /** Small and scrubbed: never a secret, never a full export. */
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    store: text('store'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    index('audit_events_action_idx').on(t.action),
    /** Insights: loyalty redeems and blocks of a period. */
    index('audit_events_action_at_idx').on(t.action, t.at),
    check('audit_events_outcome_check', sql`${t.outcome} IN (${oneOf(AUDIT_OUTCOMES)})`),
  ],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    /** e.g. 'user:manager' or 'hostess:<id>'. */
    subject: text('subject').primaryKey(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    assignedBy: text('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('role_assignments_role_check', sql`${t.role} IN (${oneOf(STAFF_ROLES)})`)],
);

/**
 * An admin's store scope for a member of staff (issue 12): it wins over what Footprints knows. Keyed by
 * subject ('user:<username>' can be set before the person first signs in).
 */
export const staffStoreScopes = pgTable('staff_store_scopes', {
  subject: text('subject').primaryKey(),
  allStores: boolean('all_stores').notNull().default(false),
  locationIds: jsonb('location_ids').$type<string[]>().notNull().default([]),
  assignedBy: text('assigned_by').notNull(),
  assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const staffMembers = pgTable(
  'staff_members',
  {
    subject: text('subject').primaryKey(),
    kind: text('kind', { enum: STAFF_KINDS }).notNull(),
    displayName: text('display_name').notNull(),
    username: text('username'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true, mode: 'date' }),
    /** The person's language (issue 16: 'ro', 'en'; null: the tablet's or the browser's). Checked against LOCALES by the code that writes it. */
    locale: text('locale'),
  },
  (t) => [check('staff_members_kind_check', sql`${t.kind} IN (${oneOf(STAFF_KINDS)})`)],
);

/**
 * Server-side staff sessions (lib/auth): the browser holds only the id. The Footprints token is stored
 * sealed (AES-GCM, key from AUTH_SECRET) and blanked when the session ends.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    subject: text('subject').notNull(),
    kind: text('kind', { enum: STAFF_KINDS }).notNull(),
    displayName: text('display_name').notNull(),
    username: text('username'),
    roles: jsonb('roles').$type<string[]>().notNull().default([]),
    device: text('device'),
    sealedToken: text('sealed_token').notNull(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    endReason: text('end_reason'),
    /** The store scope the session started with (lib/auth/stores.ts): all stores, or these locations. */
    allStores: boolean('all_stores').notNull().default(false),
    locationIds: jsonb('location_ids').$type<string[]>().notNull().default([]),
  },
  (t) => [
    index('staff_sessions_subject_idx').on(t.subject),
    check('staff_sessions_kind_check', sql`${t.kind} IN (${oneOf(STAFF_KINDS)})`),
  ],
);

export type OutboxJob = typeof outboxJobs.$inferSelect;
export type NewOutboxJob = typeof outboxJobs.$inferInsert;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type RoleAssignment = typeof roleAssignments.$inferSelect;
export type StaffMember = typeof staffMembers.$inferSelect;
export type StaffStoreScope = typeof staffStoreScopes.$inferSelect;
export type StaffSession = typeof staffSessions.$inferSelect;
