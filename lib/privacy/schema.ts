/**
 * The privacy desk's tables (issue 7): GDPR Art. 15 access-request cases, the channel-activity lookups run
 * for them, and each lookup's Netcore windows.
 *
 * What is kept, on purpose: what was asked (channels, period, windows), when, by whom, each window's state
 * and its counts. What is NOT kept: the activity rows themselves. They travel from Netcore to the support
 * agent's browser and live only in that browser's memory until the export (see lib/privacy/README.md).
 *
 * No `server-only` here: drizzle-kit reads this file.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const oneOf = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

import {
  LOOKUP_MODES,
  PRIVACY_CASE_STATUSES,
  PRIVACY_CHANNELS,
  WINDOW_STATES,
  type PrivacyChannel,
} from './constants';

export const privacyCases = pgTable(
  'privacy_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Quoted to the data subject and in every audit event of the case, e.g. DSAR-250614-7K3Q. */
    reference: text('reference').notNull().unique('privacy_cases_reference_unique'),
    subjectEmail: text('subject_email'),
    subjectPhone: text('subject_phone'),
    /** Calendar dates (store time zone). */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: PRIVACY_CASE_STATUSES }).notNull().default('open'),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('privacy_cases_status_idx').on(t.status, t.dueOn),
    check('privacy_cases_status_check', sql`${t.status} IN (${oneOf(PRIVACY_CASE_STATUSES)})`),
    check('privacy_cases_subject_check', sql`${t.subjectEmail} IS NOT NULL OR ${t.subjectPhone} IS NOT NULL`),
  ],
);

export const privacyLookups = pgTable(
  'privacy_lookups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => privacyCases.id, { onDelete: 'cascade' }),
    channels: jsonb('channels').$type<PrivacyChannel[]>().notNull(),
    mode: text('mode', { enum: LOOKUP_MODES }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Last export of this lookup's results (the results themselves are not kept). */
    exportedAt: timestamp('exported_at', { withTimezone: true, mode: 'date' }),
    exportedBy: text('exported_by'),
  },
  (t) => [
    index('privacy_lookups_case_idx').on(t.caseId, t.createdAt),
    check('privacy_lookups_mode_check', sql`${t.mode} IN (${oneOf(LOOKUP_MODES)})`),
  ],
);

export const privacyLookupWindows = pgTable(
  'privacy_lookup_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lookupId: uuid('lookup_id')
      .notNull()
      .references(() => privacyLookups.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: PRIVACY_CHANNELS }).notNull(),
    /** 0-based position of the window within its channel. */
    seq: integer('seq').notNull(),
    windowFrom: date('window_from', { mode: 'string' }).notNull(),
    windowTo: date('window_to', { mode: 'string' }).notNull(),
    state: text('state', { enum: WINDOW_STATES }).notNull().default('never_asked'),
    /** Activities Netcore returned for this window (answered only). */
    activityCount: integer('activity_count'),
    /** Per activity type, e.g. {"sent": 3, "open": 1}. Counts only, never rows. */
    countsByType: jsonb('counts_by_type').$type<Record<string, number>>(),
    /** Staff-readable, no personal data. */
    failureReason: text('failure_reason'),
    attempts: integer('attempts').notNull().default(0),
    askedAt: timestamp('asked_at', { withTimezone: true, mode: 'date' }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    askedBy: text('asked_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('privacy_lookup_windows_slot_unique').on(t.lookupId, t.channel, t.seq),
    check('privacy_lookup_windows_state_check', sql`${t.state} IN (${oneOf(WINDOW_STATES)})`),
    check('privacy_lookup_windows_channel_check', sql`${t.channel} IN (${oneOf(PRIVACY_CHANNELS)})`),
  ],
);

export type PrivacyCaseRow = typeof privacyCases.$inferSelect;
export type PrivacyLookupRow = typeof privacyLookups.$inferSelect;
export type PrivacyWindowRow = typeof privacyLookupWindows.$inferSelect;
