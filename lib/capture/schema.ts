/**
 * Lead capture's own table (drizzle-kit reads lib/*\/schema.ts). No `server-only` here: drizzle-kit loads it.
 *
 * capture_submissions: one row per captured form, keyed by the idempotency key generated when the form
 * opened (a double tap, a network retry or a re-submit finds the same row). It holds what was captured,
 * the consent proof (language and wording version, store, hostess, device, time), the Footprints lead id once accepted
 * and the sync state. The e-mail and phone are also kept normalised, for the possible-duplicates search;
 * they never leave the server (the hostess sees masked values only).
 */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CaptureConsentProof } from './consent-proof';
import { LOCALES } from '../i18n/locales';
import { CAPTURE_SYNC_STATES } from './constants';

export const captureSubmissions = pgTable(
  'capture_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique('capture_submissions_idempotency_key_unique'),
    hostessSubject: text('hostess_subject').notNull(),
    hostessName: text('hostess_name').notNull(),
    /** For the hostess's own list ("Ana P."): never the full record. */
    displayName: text('display_name').notNull(),
    emailNormalized: text('email_normalized'),
    /** Digits only, last nine (so +40 7xx and 07xx match). */
    phoneNormalized: text('phone_normalized'),
    /** The validated form (what Footprints receives, before encoding). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    consent: jsonb('consent').$type<CaptureConsentProof>().notNull(),
    consentWordingVersion: text('consent_wording_version').notNull(),
    /** The language the customer was read the consent in (`consent_wording_version` is that language's); rows before it: English. */
    consentLanguage: text('consent_language', { enum: LOCALES }).notNull().default('en'),
    locationId: text('location_id'),
    syncState: text('sync_state', { enum: CAPTURE_SYNC_STATES }).notNull().default('waiting'),
    footprintsLeadId: text('footprints_lead_id'),
    /** Short, staff-readable (the vendor's reason), never a raw body. */
    failureReason: text('failure_reason'),
    outboxJobId: uuid('outbox_job_id'),
    capturedAt: timestamp('captured_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    /**
     * Set just before each add-lead is posted, cleared when Footprints certainly did not get it (refused, not
     * reached) or by an admin's "send it again": while it is set and no lead id is recorded, a new attempt
     * first looks for the lead at Footprints (issue 13), which also covers a crash in the middle of the call.
     */
    addLeadPostedAt: timestamp('add_lead_posted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('capture_submissions_hostess_idx').on(t.hostessSubject, t.createdAt),
    index('capture_submissions_email_idx').on(t.emailNormalized, t.createdAt),
    index('capture_submissions_phone_idx').on(t.phoneNormalized, t.createdAt),
    index('capture_submissions_lead_idx').on(t.footprintsLeadId),
    /** Insights: captures of a period. */
    index('capture_submissions_captured_idx').on(t.capturedAt),
    check('capture_submissions_sync_state_check', sql`${t.syncState} IN ('waiting', 'sent', 'failed', 'checking')`),
  ],
);

export type CaptureSubmission = typeof captureSubmissions.$inferSelect;
export type NewCaptureSubmission = typeof captureSubmissions.$inferInsert;
