/**
 * The local read model of leads (issue 5). Footprints stays the source of truth: these tables are filled
 * from GET /api/lead and from the vendor's answers to changes made in the console, so that the pipeline can
 * filter, search and group thousands of leads the vendor's list (a date range and paging) cannot.
 *
 * Self-contained on purpose (drizzle-kit reads this file): no path aliases, no server-only.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { READ_MODEL_STATUSES } from './constants';

const statusList = sql.raw(READ_MODEL_STATUSES.map((s) => `'${s}'`).join(', '));
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row per Footprints lead, as last seen from the vendor. */
export const leadRecords = pgTable(
  'lead_records',
  {
    id: text('id').primaryKey(),
    status: text('status').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    email: text('email'),
    phone: text('phone'),
    /** Lower-case name, e-mail and phone (and the phone's digits), for the free-text filter. */
    searchText: text('search_text').notNull().default(''),
    locationId: text('location_id'),
    offerCategoryId: text('offer_category_id'),
    offerCategoryName: text('offer_category_name'),
    offerId: text('offer_id'),
    offerName: text('offer_name'),
    offerPrice: doublePrecision('offer_price'),
    consultantId: text('consultant_id'),
    consultantName: text('consultant_name'),
    channelId: text('channel_id'),
    skuId: text('sku_id'),
    skuName: text('sku_name'),
    skuExternalId: text('sku_external_id'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    contractNumber: text('contract_number'),
    contractValue: text('contract_value'),
    contractDate: text('contract_date'),
    contractDescription: text('contract_description'),
    reasonLost: text('reason_lost'),
    lostComment: text('lost_comment'),
    nps: integer('nps'),
    vendorCreatedAt: ts('vendor_created_at').notNull(),
    vendorUpdatedAt: ts('vendor_updated_at'),
    statusChangedAt: ts('status_changed_at'),
    /** The lead as the vendor last listed it (every field, for the detail page). */
    raw: jsonb('raw').$type<Record<string, unknown>>().notNull().default({}),
    syncedAt: ts('synced_at').notNull().defaultNow(),
    /**
     * The run number (lead_sync_state.run_seq) of the sync that last wrote the row: a run overwrites only rows
     * of older runs, and removes only rows older runs wrote, so an older run finishing last never undoes a newer.
     */
    syncSeq: bigint('sync_seq', { mode: 'number' }).notNull().default(0),
    /**
     * 'vendor' (first seen in Footprints' list) or 'capture' (written from Footprints' answer when the console
     * added it). Footprints' list omits leads without location, category, offer and consultant, so a lead the
     * console captured is never removed only because the list does not show it.
     */
    origin: text('origin').notNull().default('vendor'),
  },
  (t) => [
    index('lead_records_created_idx').on(t.vendorCreatedAt),
    index('lead_records_status_created_idx').on(t.status, t.vendorCreatedAt),
    index('lead_records_location_idx').on(t.locationId),
    index('lead_records_consultant_idx').on(t.consultantId),
    index('lead_records_offer_idx').on(t.offerId),
    /** Insights' stale list: the leads of a status in their stage since before a date (time-in-stage.ts). */
    index('lead_records_status_since_idx').on(t.status, sql`coalesce(${t.statusChangedAt}, ${t.vendorCreatedAt})`),
    check('lead_records_status_check', sql`${t.status} IN (${statusList})`),
  ],
);

/** Status changes: those made in the console (with the manager) and those the sync noticed. */
export const leadStatusHistory = pgTable(
  'lead_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    leadId: text('lead_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    at: ts('at').notNull().defaultNow(),
    /** 'console' (a member of staff) or 'sync' (seen in Footprints). */
    source: text('source').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
  },
  (t) => [
    index('lead_status_history_lead_idx').on(t.leadId, t.at),
    /** Insights: a lead's moves to a status (time in stage, lost from). */
    index('lead_status_history_to_idx').on(t.leadId, t.toStatus, t.at),
  ],
);

/**
 * Each lead's status events in order, for insights: the statuses it entered and when (two arrays of one length).
 * Kept by the database, not by code: triggers on lead_records and lead_status_history rebuild a lead's path
 * whenever its history grows or its status or creation date changes (migration 0010), so no write path can forget.
 * Events: the `from` of the first history row (entered at creation, or at that row if earlier), then each row's
 * `to` in order (time, then id); a lead without history has one event, its status at creation.
 */
export const leadPaths = pgTable('lead_paths', {
  leadId: text('lead_id')
    .primaryKey()
    .references(() => leadRecords.id, { onDelete: 'cascade' }),
  statuses: text('statuses').array().notNull(),
  ats: timestamp('ats', { withTimezone: true, mode: 'string' }).array().notNull(),
});

/** Documents uploaded to Footprints through the console (the vendor has no call that lists them). */
export const leadDocuments = pgTable(
  'lead_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: text('lead_id').notNull(),
    documentType: text('document_type').notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    leadActionId: text('lead_action_id'),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
  },
  (t) => [index('lead_documents_lead_idx').on(t.leadId, t.documentType)],
);

/** NPS scores as dated events: a new score never hides an older one. */
export const leadNpsEntries = pgTable(
  'lead_nps_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    leadId: text('lead_id').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    at: ts('at').notNull().defaultNow(),
    /** 'console' or 'vendor' (a score first seen in Footprints by the sync). */
    source: text('source').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
  },
  (t) => [index('lead_nps_entries_lead_idx').on(t.leadId, t.at), index('lead_nps_entries_at_idx').on(t.at)],
);

/** Names of catalogue ids the lead list carries without a name (locations, channels). */
export const leadCatalogue = pgTable(
  'lead_catalogue',
  {
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] })],
);

/** The state of the lead sync (one row, key 'leads'). */
export const leadSyncState = pgTable('lead_sync_state', {
  key: text('key').primaryKey(),
  lastStartedAt: ts('last_started_at'),
  lastFinishedAt: ts('last_finished_at'),
  lastSuccessAt: ts('last_success_at'),
  lastError: text('last_error'),
  rangeStart: text('range_start'),
  rangeEnd: text('range_end'),
  leadCount: integer('lead_count'),
  trigger: text('trigger'),
  /** The last run number handed out: each run takes the next one (monotonic across the fleet). */
  runSeq: bigint('run_seq', { mode: 'number' }).notNull().default(0),
  /** When the last full-window pass finished (the incremental ticks sync recent days only; see sync.ts). */
  lastFullSuccessAt: ts('last_full_success_at'),
});

export type LeadRecord = typeof leadRecords.$inferSelect;
export type NewLeadRecord = typeof leadRecords.$inferInsert;
export type LeadStatusHistoryRow = typeof leadStatusHistory.$inferSelect;
export type LeadDocumentRow = typeof leadDocuments.$inferSelect;
export type LeadNpsEntryRow = typeof leadNpsEntries.$inferSelect;
export type LeadSyncStateRow = typeof leadSyncState.$inferSelect;
