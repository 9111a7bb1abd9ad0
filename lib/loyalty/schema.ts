/**
 * The loyalty desk's tables (drizzle-kit reads lib/*\/schema.ts). No `server-only` here: drizzle-kit loads it.
 *
 * - loyalty_code_claims: one row while a member of staff is changing a code (key = campaign + code). The
 *   unique key is what serialises two tablets acting on the same code at the same moment, on PGlite and on
 *   PostgreSQL alike, without holding a transaction open across vendor calls. A claim expires, so a
 *   console that died mid-change cannot lock a code forever.
 * - loyalty_code_changes: the one change the console made to a code (a code leaves "associated" once).
 *   Unique per campaign + code, so the console can never record a second change; the request id lets a
 *   retry of the same confirmation get its original answer back.
 * - loyalty_lookup_counters: per-user fixed-window counters for the code-check / history lookups, in the
 *   database because several console instances may serve the same staff.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { LOYALTY_CHANGE_TARGETS } from './constants';

export const loyaltyCodeClaims = pgTable('loyalty_code_claims', {
  /** `${campaignInternalId}:${CODE}`. */
  key: text('key').primaryKey(),
  /** The request holding it (the confirmation's request id). */
  holder: text('holder').notNull(),
  claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const loyaltyCodeChanges = pgTable(
  'loyalty_code_changes',
  {
    /** The confirmation's request id (from the dialog): a retry of the same click finds this row. */
    requestId: text('request_id').primaryKey(),
    campaignInternalId: text('campaign_internal_id').notNull(),
    code: text('code').notNull(),
    status: text('status', { enum: LOYALTY_CHANGE_TARGETS }).notNull(),
    /** Block reason (suspected_abuse, customer_request, staff_error, other); null for a redemption. */
    reason: text('reason'),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    store: text('store'),
    /** The status Footprints reported when it confirmed the change. */
    confirmedStatus: text('confirmed_status').notNull(),
    /** Footprints' last_update of the code after the change, as it sent it. */
    vendorLastUpdate: text('vendor_last_update'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('loyalty_code_changes_code_unique').on(t.campaignInternalId, t.code),
    index('loyalty_code_changes_created_idx').on(t.createdAt),
    check('loyalty_code_changes_status_check', sql`${t.status} IN ('redeemed', 'blocked')`),
  ],
);
export type LoyaltyCodeChangeRow = typeof loyaltyCodeChanges.$inferSelect;

export const loyaltyLookupCounters = pgTable(
  'loyalty_lookup_counters',
  {
    /** The staff subject. */
    subject: text('subject').notNull(),
    /** Which lookup: 'check' or 'history'. */
    bucket: text('bucket').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'loyalty_lookup_counters_pk', columns: [t.subject, t.bucket, t.windowStart] }), index('loyalty_lookup_counters_window_idx').on(t.windowStart)],
);
