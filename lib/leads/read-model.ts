/**
 * The local read model of leads: written from what Footprints answers (its lead list, and its answers to
 * changes made in the console), read by the pipeline and the detail page. Never written from what staff
 * typed alone: a change reaches the vendor first.
 */
import 'server-only';
import { and, asc, desc, eq, getTableColumns, gte, inArray, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { StoreScope } from '@/lib/auth/stores';
import type { Db } from '@/lib/db';
import { addDaysIso } from '@/lib/dates';
import { parseFootprintsDate } from '@/lib/vendors/footprints/dates';
import { LEAD_STATUSES, type Lead, type LeadStatus } from '@/lib/vendors/footprints/schemas';
import { clampPage } from '@/lib/paging';
import { BOARD_CARDS_PER_COLUMN, TABLE_PAGE_SIZE, type PipelineFilters } from './filters';
import {
  leadCatalogue,
  leadNpsEntries,
  leadRecords,
  leadStatusHistory,
  leadSyncState,
  type LeadRecord,
  type LeadSyncStateRow,
  type NewLeadRecord,
} from './schema';

// ---- from the vendor's lead to a row ---------------------------------------------------------------------

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

export function searchTextOf(first: string | null, last: string | null, email: string | null, phone: string | null): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return [first, last, email, phone, digits].filter(Boolean).join(' ').toLowerCase();
}

/** A lead as GET /api/lead lists it, as a row. */
export function leadToRecord(lead: Lead, timeZone: string, syncedAt: Date): NewLeadRecord {
  const loose = lead as Record<string, unknown>;
  const firstName = text(lead.userFirstName);
  const lastName = text(lead.userLastName);
  const email = text(lead.userEmail);
  const phone = text(lead.userPhone);
  const category = lead.offerCategory;
  const nps = typeof loose.nps === 'number' ? loose.nps : typeof loose.nps === 'string' && /^\d+$/.test(loose.nps) ? Number(loose.nps) : null;
  return {
    id: lead._id,
    status: lead.status,
    firstName,
    lastName,
    email,
    phone,
    searchText: searchTextOf(firstName, lastName, email, phone),
    locationId: text(lead.locationId),
    offerCategoryId: text(lead.offerCategoryId),
    offerCategoryName: typeof category === 'string' ? text(category) : category && typeof category === 'object' ? text((category as { name?: unknown }).name) : null,
    offerId: text(lead.offerId) ?? lead.offer?._id ?? null,
    offerName: lead.offer?.name ?? null,
    offerPrice: typeof lead.offer?.price === 'number' ? lead.offer.price : null,
    consultantId: text(lead.consultantId) ?? lead.consultant?._id ?? null,
    consultantName: lead.consultant?.name ?? null,
    channelId: text(lead.channelId),
    skuId: text(lead.skuId) ?? lead.sku?._id ?? null,
    skuName: lead.sku?.name ?? null,
    skuExternalId: text(lead.skuExternalId),
    tags: lead.tags ?? [],
    // Not in the docs' list sample, but the list may carry them (the simulator does): kept when present.
    contractNumber: text(loose.contractNumber),
    contractValue: text(loose.contractValue),
    contractDate: text(loose.contractDate),
    contractDescription: text(loose.contractDescription),
    reasonLost: text(loose.reasonLost),
    lostComment: null,
    nps,
    vendorCreatedAt: parseFootprintsDate(lead.createdAt ?? lead.timestamp, timeZone) ?? syncedAt,
    vendorUpdatedAt: parseFootprintsDate(lead.updatedAt, timeZone),
    statusChangedAt: parseFootprintsDate(lead.timestampStatusChange, timeZone),
    raw: loose,
    syncedAt,
  };
}

const UPSERT_CHUNK = 250;
/** Columns the vendor's list never carries: a sync must not blank what the console recorded. */
const KEEP_WHEN_NULL = new Set(['contract_number', 'contract_value', 'contract_date', 'contract_description', 'reason_lost', 'lost_comment']);

function upsertSet(): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(leadRecords))) {
    // The id is the key; the origin stays what it was (a captured lead stays the console's).
    if (key === 'id' || key === 'origin') continue;
    const name = column.name;
    set[key] = KEEP_WHEN_NULL.has(name)
      ? sql.raw(`coalesce(excluded."${name}", "lead_records"."${name}")`)
      : sql.raw(`excluded."${name}"`);
  }
  return set;
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  statusChanges: number;
}

/**
 * Writes one page of leads the vendor listed, in one transaction, and notes new statuses and new NPS scores as
 * dated events. `syncSeq` is the run's number: a row a newer run already wrote (a higher sync_seq) is left as it
 * is, so an older run's page arriving late never puts older data back.
 *
 * Status history is written once per change: the rows are read FOR UPDATE inside the transaction (a console move
 * committing meanwhile is seen, not repeated as a 'sync' row), and a row that existed neither when read nor when
 * written (`xmax <> 0`: a concurrent writer inserted it between the two) is left to that writer's history.
 */
export async function upsertVendorLeads(db: Db, leads: readonly Lead[], timeZone: string, syncedAt: Date, syncSeq = 0): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, statusChanges: 0 };
  const set = upsertSet();
  await db.transaction(async (tx) => {
    for (let i = 0; i < leads.length; i += UPSERT_CHUNK) {
      const rows = leads.slice(i, i + UPSERT_CHUNK).map((l) => ({ ...leadToRecord(l, timeZone, syncedAt), syncSeq }));
      const ids = rows.map((r) => r.id);
      const existing = new Map(
        (
          await tx
            .select({ id: leadRecords.id, status: leadRecords.status, nps: leadRecords.nps })
            .from(leadRecords)
            .where(inArray(leadRecords.id, ids))
            .for('update')
        ).map((r) => [r.id, r]),
      );
      const written = await tx
        .insert(leadRecords)
        .values(rows)
        .onConflictDoUpdate({ target: leadRecords.id, set, setWhere: lte(leadRecords.syncSeq, syncSeq) })
        .returning({ id: leadRecords.id, inserted: sql<boolean>`(xmax = 0)` });
      const insertedNow = new Map(written.map((w) => [w.id, w.inserted]));
      const history = [];
      const nps = [];
      for (const row of rows) {
        // Not written: a newer run holds this row; its history is that run's.
        if (!insertedNow.has(row.id)) continue;
        const before = existing.get(row.id);
        if (!before && !insertedNow.get(row.id)) {
          result.updated += 1;
          continue;
        }
        if (!before) result.inserted += 1;
        else result.updated += 1;
        if (!before || before.status !== row.status) {
          if (before) result.statusChanges += 1;
          history.push({
            leadId: row.id,
            fromStatus: before?.status ?? null,
            toStatus: row.status,
            at: (before ? row.statusChangedAt : (row.statusChangedAt ?? row.vendorCreatedAt)) ?? syncedAt,
            source: 'sync',
          });
        }
        if (row.nps !== null && row.nps !== undefined && (!before || before.nps !== row.nps)) {
          nps.push({ leadId: row.id, score: row.nps, at: row.vendorUpdatedAt ?? syncedAt, source: 'vendor' });
        }
      }
      if (history.length) await tx.insert(leadStatusHistory).values(history);
      if (nps.length) await tx.insert(leadNpsEntries).values(nps);
    }
  });
  return result;
}

/**
 * Removes rows of the synced range the vendor no longer lists (it is the source of truth) — except the leads
 * the console captured: the list leaves out every lead without location, category, offer and consultant,
 * so its silence about them says nothing.
 */
export async function removeUnlisted(db: Db, range: { start: Date; end: Date }, syncStartedAt: Date, scope: StoreScope, syncSeq?: number): Promise<number> {
  const gone = await db
    .delete(leadRecords)
    .where(
      and(
        gte(leadRecords.vendorCreatedAt, range.start),
        lt(leadRecords.vendorCreatedAt, range.end),
        lt(leadRecords.syncedAt, syncStartedAt),
        // Only rows older runs wrote: a newer run's row (it listed the lead after this run read its pages) stays.
        syncSeq === undefined ? undefined : lt(leadRecords.syncSeq, syncSeq),
        ne(leadRecords.origin, 'capture'),
        scopeWhere(scope),
      ),
    )
    .returning({ id: leadRecords.id });
  return gone.length;
}

export async function getLeadRecord(db: Db, id: string): Promise<LeadRecord | null> {
  const [row] = await db.select().from(leadRecords).where(eq(leadRecords.id, id)).limit(1);
  return row ?? null;
}

/** Applies what the vendor answered to a change (PUT /api/lead/{id} or …/leadLost) to the row. */
export async function applyVendorAnswer(
  db: Db,
  id: string,
  answer: Lead,
  patch: Partial<Pick<NewLeadRecord, 'contractNumber' | 'contractValue' | 'contractDate' | 'contractDescription' | 'reasonLost' | 'lostComment' | 'nps'>>,
  timeZone: string,
  now: Date,
): Promise<LeadRecord | null> {
  const updatedAt = parseFootprintsDate(answer.updatedAt, timeZone) ?? now;
  const [row] = await db
    .update(leadRecords)
    .set({
      status: answer.status,
      ...(answer.tags ? { tags: answer.tags } : {}),
      ...(text(answer.skuId) ? { skuId: text(answer.skuId) } : {}),
      ...(text(answer.skuExternalId) ? { skuExternalId: text(answer.skuExternalId) } : {}),
      ...(text(answer.channelId) ? { channelId: text(answer.channelId) } : {}),
      ...patch,
      vendorUpdatedAt: updatedAt,
      syncedAt: now,
    })
    .where(eq(leadRecords.id, id))
    .returning();
  return row ?? null;
}

// ---- catalogue names -------------------------------------------------------------------------------------

export async function saveCatalogue(db: Db, kind: 'location' | 'channel', entries: readonly { _id: string; name: string }[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insert(leadCatalogue)
    .values(entries.map((e) => ({ kind, id: e._id, name: e.name })))
    .onConflictDoUpdate({ target: [leadCatalogue.kind, leadCatalogue.id], set: { name: sql.raw('excluded."name"') } });
}

export interface FilterOption {
  id: string;
  name: string;
}
export interface FilterOptions {
  locations: FilterOption[];
  categories: FilterOption[];
  offers: FilterOption[];
  consultants: FilterOption[];
  channels: FilterOption[];
}

/** The filters' choices, from the leads the caller may see (another store's consultant or offer is not named). */
export async function getFilterOptions(db: Db, scope: StoreScope): Promise<FilterOptions> {
  const inStores = scopeWhere(scope);
  const distinct = async (idCol: AnyPgColumn, nameCol: AnyPgColumn) =>
    (
      await db
        .selectDistinct({ id: idCol, name: nameCol })
        .from(leadRecords)
        .where(and(sql`${idCol} is not null`, inStores))
    )
      .map((r) => ({ id: String(r.id), name: r.name ? String(r.name) : String(r.id) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const catalogue = await db.select().from(leadCatalogue);
  const named = (kind: string, ids: (string | null)[]) => {
    const names = new Map(catalogue.filter((c) => c.kind === kind).map((c) => [c.id, c.name]));
    return [...new Set(ids.filter((x): x is string => Boolean(x)))].map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name));
  };
  const [categories, offers, consultants, locationIds, channelIds] = await Promise.all([
    distinct(leadRecords.offerCategoryId, leadRecords.offerCategoryName),
    distinct(leadRecords.offerId, leadRecords.offerName),
    distinct(leadRecords.consultantId, leadRecords.consultantName),
    db.selectDistinct({ id: leadRecords.locationId }).from(leadRecords).where(inStores),
    db.selectDistinct({ id: leadRecords.channelId }).from(leadRecords).where(inStores),
  ]);
  return {
    locations: named('location', locationIds.map((r) => r.id)),
    categories,
    offers,
    consultants,
    channels: named('channel', channelIds.map((r) => r.id)),
  };
}

// ---- the pipeline query ----------------------------------------------------------------------------------

export interface LeadSummary {
  id: string;
  status: LeadStatus;
  name: string;
  email: string | null;
  phone: string | null;
  offerName: string | null;
  offerPrice: number | null;
  categoryName: string | null;
  consultantName: string | null;
  locationId: string | null;
  channelId: string | null;
  createdAt: string;
  hasContract: boolean;
  /** What Footprints' list needs and this lead lacks (it lists only complete leads); empty when complete. */
  missing: MissingPart[];
}

/** Footprints lists only leads with all four (Get Leads, footprints-api.txt). */
export const LIST_REQUIRES = ['location', 'category', 'offer', 'consultant'] as const;
export type MissingPart = (typeof LIST_REQUIRES)[number];

export function missingParts(r: { locationId: string | null; offerCategoryId: string | null; offerId: string | null; consultantId: string | null }): MissingPart[] {
  const have: Record<MissingPart, string | null> = { location: r.locationId, category: r.offerCategoryId, offer: r.offerId, consultant: r.consultantId };
  return LIST_REQUIRES.filter((p) => !have[p]);
}

export interface PipelineColumn {
  status: LeadStatus;
  count: number;
  /** Sum of the offer values of the column's leads (all of them, not only the cards shown). */
  offerValue: number;
  cards: LeadSummary[];
}

export interface PipelineResult {
  columns: PipelineColumn[];
  rows: LeadSummary[];
  total: number;
  page: number;
  pageSize: number;
}

const summaryColumns = {
  id: leadRecords.id,
  status: leadRecords.status,
  firstName: leadRecords.firstName,
  lastName: leadRecords.lastName,
  email: leadRecords.email,
  phone: leadRecords.phone,
  offerName: leadRecords.offerName,
  offerPrice: leadRecords.offerPrice,
  categoryName: leadRecords.offerCategoryName,
  consultantName: leadRecords.consultantName,
  locationId: leadRecords.locationId,
  channelId: leadRecords.channelId,
  createdAt: leadRecords.vendorCreatedAt,
  contractNumber: leadRecords.contractNumber,
  offerCategoryId: leadRecords.offerCategoryId,
  offerId: leadRecords.offerId,
  consultantId: leadRecords.consultantId,
};

type SummaryRow = {
  id: string;
  status: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  offerName: string | null;
  offerPrice: number | null;
  categoryName: string | null;
  consultantName: string | null;
  locationId: string | null;
  channelId: string | null;
  createdAt: Date;
  contractNumber: string | null;
  offerCategoryId: string | null;
  offerId: string | null;
  consultantId: string | null;
};

export function toSummary(r: SummaryRow): LeadSummary {
  return {
    id: r.id,
    status: r.status as LeadStatus,
    name: [r.firstName, r.lastName].filter(Boolean).join(' ') || '(no name)',
    email: r.email,
    phone: r.phone,
    offerName: r.offerName,
    offerPrice: r.offerPrice,
    categoryName: r.categoryName,
    consultantName: r.consultantName,
    locationId: r.locationId,
    channelId: r.channelId,
    createdAt: new Date(r.createdAt).toISOString(),
    hasContract: Boolean(r.contractNumber),
    missing: missingParts(r),
  };
}

export function recordToSummary(r: LeadRecord): LeadSummary {
  return toSummary({ ...r, categoryName: r.offerCategoryName, createdAt: r.vendorCreatedAt });
}

/** The instants a range of store days covers: [start of `from`, start of the day after `to`). */
export function dayRange(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  const start = parseFootprintsDate(`${from} 00:00:00`, timeZone);
  const end = parseFootprintsDate(`${addDaysIso(to, 1)} 00:00:00`, timeZone);
  if (!start || !end) throw new Error('dayRange: invalid day');
  return { start, end };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The store scope as a condition on lead_records (none for all stores; always false for no store). */
export function scopeWhere(scope: StoreScope): SQL | undefined {
  if (scope.all) return undefined;
  if (scope.locationIds.length === 0) return sql`false`;
  return inArray(leadRecords.locationId, [...scope.locationIds]);
}

export function pipelineWhere(filters: PipelineFilters, timeZone: string, scope: StoreScope): SQL {
  const { start, end } = dayRange(filters.from, filters.to, timeZone);
  const conds: SQL[] = [gte(leadRecords.vendorCreatedAt, start), lt(leadRecords.vendorCreatedAt, end)];
  const inStores = scopeWhere(scope);
  if (inStores) conds.push(inStores);
  if (filters.status) conds.push(eq(leadRecords.status, filters.status));
  if (filters.location) conds.push(eq(leadRecords.locationId, filters.location));
  if (filters.category) conds.push(eq(leadRecords.offerCategoryId, filters.category));
  if (filters.offer) conds.push(eq(leadRecords.offerId, filters.offer));
  if (filters.consultant) conds.push(eq(leadRecords.consultantId, filters.consultant));
  if (filters.channel) conds.push(eq(leadRecords.channelId, filters.channel));
  const q = filters.q?.trim().toLowerCase();
  if (q) {
    // Every word must appear (name, e-mail or phone); a phone typed with spaces matches its digits.
    for (const word of q.split(/\s+/).filter(Boolean).slice(0, 5)) {
      conds.push(sql`${leadRecords.searchText} like ${`%${escapeLike(word)}%`}`);
    }
  }
  return and(...conds) as SQL;
}

const STATUS_ORDER = sql.raw(`case "status" ${LEAD_STATUSES.map((s, i) => `when '${s}' then ${i}`).join(' ')} end`);

function orderFor(filters: PipelineFilters): SQL[] {
  const dir = filters.dir === 'asc' ? asc : desc;
  const nullsLast = (col: SQL | typeof leadRecords.offerPrice) =>
    filters.dir === 'asc' ? sql`${col} asc nulls last` : sql`${col} desc nulls last`;
  switch (filters.sort) {
    case 'status':
      return [dir(STATUS_ORDER), desc(leadRecords.vendorCreatedAt), asc(leadRecords.id)];
    case 'value':
      return [nullsLast(leadRecords.offerPrice), asc(leadRecords.id)];
    case 'offer':
      return [nullsLast(sql`lower(${leadRecords.offerName})`), asc(leadRecords.id)];
    default:
      return [dir(leadRecords.vendorCreatedAt), asc(leadRecords.id)];
  }
}

/**
 * People's names sort the Romanian way (Ă after A, Ș after S, Ț after T), which the database's collation
 * does not promise (PGlite has no ICU): the console sorts them with Intl.Collator('ro').
 */
export const nameCollator = new Intl.Collator('ro');

/** Compares two names (missing ones last whichever the direction): last name, then first name. */
export function compareNames(
  a: { lastName: string | null; firstName: string | null },
  b: { lastName: string | null; firstName: string | null },
  dir: 'asc' | 'desc',
): number {
  const key = (p: { lastName: string | null; firstName: string | null }) => [p.lastName?.trim() ?? '', p.firstName?.trim() ?? ''];
  const [al, af] = key(a);
  const [bl, bf] = key(b);
  const aEmpty = !al && !af;
  const bEmpty = !bl && !bf;
  if (aEmpty !== bEmpty) return aEmpty ? 1 : -1;
  const sign = dir === 'asc' ? 1 : -1;
  // A lead with a first name only sorts by it.
  return sign * (nameCollator.compare(al || af, bl || bf) || nameCollator.compare(af, bf));
}

const COLLATED_SORTS = new Set(['name', 'consultant']);

/** One page of ids sorted by a person's name with the Romanian collation. */
async function collatedPageIds(db: Db, where: SQL, filters: PipelineFilters, page: number): Promise<string[]> {
  const keys = await db
    .select({ id: leadRecords.id, firstName: leadRecords.firstName, lastName: leadRecords.lastName, consultantName: leadRecords.consultantName })
    .from(leadRecords)
    .where(where);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (filters.sort === 'consultant') {
    keys.sort((a, b) => compareNames({ lastName: a.consultantName, firstName: null }, { lastName: b.consultantName, firstName: null }, filters.dir) || byId(a, b));
  } else {
    keys.sort((a, b) => compareNames(a, b, filters.dir) || byId(a, b));
  }
  return keys.slice((page - 1) * TABLE_PAGE_SIZE, page * TABLE_PAGE_SIZE).map((k) => k.id);
}

/** Board (counts, offer value totals, the newest cards per column) and one sorted page of the table. */
export async function queryPipeline(
  db: Db,
  filters: PipelineFilters,
  timeZone: string,
  scope: StoreScope,
  opts: { board?: boolean; table?: boolean } = {},
): Promise<PipelineResult> {
  const where = pipelineWhere(filters, timeZone, scope);
  const wantBoard = opts.board ?? true;
  const wantTable = opts.table ?? true;

  const totals = await db
    .select({ status: leadRecords.status, count: sql<number>`count(*)::int`, value: sql<number>`coalesce(sum(${leadRecords.offerPrice}), 0)::float8` })
    .from(leadRecords)
    .where(where)
    .groupBy(leadRecords.status);

  let cards: SummaryRow[] = [];
  if (wantBoard) {
    const ranked = db
      .select({
        ...summaryColumns,
        rn: sql<number>`row_number() over (partition by ${leadRecords.status} order by ${leadRecords.vendorCreatedAt} desc, ${leadRecords.id})`.as('rn'),
      })
      .from(leadRecords)
      .where(where)
      .as('ranked');
    cards = (await db.select().from(ranked).where(lte(ranked.rn, BOARD_CARDS_PER_COLUMN))) as unknown as SummaryRow[];
  }
  // A page past the last (an old link, a crafted URL, leads gone since) shows the last page, and says so.
  const total = totals.reduce((n, t) => n + Number(t.count), 0);
  const page = clampPage(filters.page, total, TABLE_PAGE_SIZE);
  let rows: SummaryRow[] = [];
  if (wantTable) {
    if (COLLATED_SORTS.has(filters.sort)) {
      const ids = await collatedPageIds(db, where, filters, page);
      const found = ids.length ? await db.select(summaryColumns).from(leadRecords).where(inArray(leadRecords.id, ids)) : [];
      const at = new Map(ids.map((id, i) => [id, i]));
      rows = found.sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
    } else {
      rows = await db
        .select(summaryColumns)
        .from(leadRecords)
        .where(where)
        .orderBy(...orderFor(filters))
        .limit(TABLE_PAGE_SIZE)
        .offset((page - 1) * TABLE_PAGE_SIZE);
    }
  }

  const byStatus = new Map(totals.map((t) => [t.status, t]));
  const columns = LEAD_STATUSES.map((status) => ({
    status,
    count: Number(byStatus.get(status)?.count ?? 0),
    offerValue: Number(byStatus.get(status)?.value ?? 0),
    cards: cards
      .filter((c) => c.status === status)
      .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || (a.id < b.id ? -1 : 1))
      .map(toSummary),
  }));
  return {
    columns,
    rows: rows.map(toSummary),
    total: columns.reduce((n, c) => n + c.count, 0),
    page,
    pageSize: TABLE_PAGE_SIZE,
  };
}

// ---- sync state ------------------------------------------------------------------------------------------

export const SYNC_KEY = 'leads';

export async function getSyncState(db: Db): Promise<LeadSyncStateRow | null> {
  const [row] = await db.select().from(leadSyncState).where(eq(leadSyncState.key, SYNC_KEY)).limit(1);
  return row ?? null;
}

export async function writeSyncState(db: Db, patch: Partial<Omit<LeadSyncStateRow, 'key'>>): Promise<void> {
  await db
    .insert(leadSyncState)
    .values({ key: SYNC_KEY, ...patch })
    .onConflictDoUpdate({ target: leadSyncState.key, set: patch });
}
