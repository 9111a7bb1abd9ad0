/**
 * The pipeline pages' reads. Pages call these and never the database: the pipeline (filtered, with the
 * sync status and the filters' options) and one lead (its record, history, documents, NPS, queued jobs,
 * and the Footprints timeline). The capture's consent proof is capture's to read (lib/capture/queries.ts). The first visit ever fills the read model.
 */
import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import type { AuditActorRef } from '@/lib/audit';
import { actorOf } from '@/lib/auth/action';
import type { StaffSession } from '@/lib/auth/session';
import { inScope, type StoreScope } from '@/lib/auth/stores';
import { getDb, type Db } from '@/lib/db';
import { log } from '@/lib/log';
import { listJobsByCorrelation } from '@/lib/outbox';
import { asLeadSyncFailureKind, type LeadSyncFailureKind } from '@/lib/staff-words';
import { getCompletionOptions, type CompletionOptions } from './complete-lead';
import { leadsDeps } from './deps';
import type { PipelineFilters } from './filters';
import { getTimeline, type Timeline } from './get-timeline';
import { findScopedLead } from './lead-records';
import { getFilterOptions, getSyncState, queryPipeline, recordToSummary, type LeadSummary } from './read-model';
import { leadDocuments, leadNpsEntries, leadStatusHistory, type LeadRecord } from './schema';
import { ensureInitialSync } from './sync';

/**
 * For pages: fills the read model on first use with the staff member's token (later syncs are periodic).
 * True when that first fill failed (the page says so in the reader's language: `leads.loadFailed`).
 */
export async function ensureLeadsSynced(db: Db, session: Pick<StaffSession, 'accessToken' | 'stores'>): Promise<boolean> {
  try {
    await ensureInitialSync(db, leadsDeps(session));
    return false;
  } catch (error) {
    log('warn', 'leads.initial_sync_failed', { error: error instanceof Error ? error.message : String(error) });
    return true;
  }
}

export interface SyncStatus {
  lastSuccessAt: string | null;
  lastStartedAt: string | null;
  /** What stopped the last refresh (translate `leads.syncFailed.<kind>`), when it failed after the last success. */
  lastError: LeadSyncFailureKind | null;
  leadCount: number | null;
}

/** `leadCount` is the chain's: told to an all-stores caller only (null for a scoped one). */
export async function getSyncStatus(db: Db, scope: StoreScope): Promise<SyncStatus> {
  const s = await getSyncState(db);
  return {
    lastSuccessAt: s?.lastSuccessAt?.toISOString() ?? null,
    lastStartedAt: s?.lastStartedAt?.toISOString() ?? null,
    lastError: s?.lastError && (!s.lastSuccessAt || (s.lastFinishedAt && s.lastFinishedAt > s.lastSuccessAt)) ? asLeadSyncFailureKind(s.lastError) : null,
    leadCount: scope.all ? (s?.leadCount ?? null) : null,
  };
}

export interface LeadDetail {
  record: LeadRecord;
  summary: LeadSummary;
  history: { id: number; from: string | null; to: string; at: string; source: string; actorName: string | null }[];
  documents: { id: string; type: string; fileName: string; sizeBytes: number; uploadedAt: string; actorName: string; leadActionId: string | null }[];
  nps: { id: number; score: number; comment: string | null; at: string; source: string; actorName: string | null }[];
  jobs: { id: string; kind: string; status: string; attempts: number; lastError: string | null; updatedAt: string }[];
}

/** One lead for a caller: null when unknown or in another store (that attempt is audited by findScopedLead). */
export async function getLeadDetail(db: Db, scope: StoreScope, actor: AuditActorRef, leadId: string): Promise<LeadDetail | null> {
  const record = await findScopedLead(db, scope, actor, 'leads.view', leadId);
  if (!record) return null;
  const [history, documents, nps, jobs] = await Promise.all([
    db.select().from(leadStatusHistory).where(eq(leadStatusHistory.leadId, leadId)).orderBy(desc(leadStatusHistory.at), desc(leadStatusHistory.id)),
    db.select().from(leadDocuments).where(eq(leadDocuments.leadId, leadId)).orderBy(desc(leadDocuments.uploadedAt)),
    db.select().from(leadNpsEntries).where(eq(leadNpsEntries.leadId, leadId)).orderBy(asc(leadNpsEntries.at), asc(leadNpsEntries.id)),
    listJobsByCorrelation(db, `lead:${leadId}`),
  ]);
  return {
    record,
    summary: recordToSummary(record),
    history: history.map((h) => ({ id: h.id, from: h.fromStatus, to: h.toStatus, at: h.at.toISOString(), source: h.source, actorName: h.actorName })),
    documents: documents.map((d) => ({
      id: d.id,
      type: d.documentType,
      fileName: d.fileName,
      sizeBytes: d.sizeBytes,
      uploadedAt: d.uploadedAt.toISOString(),
      actorName: d.actorName,
      leadActionId: d.leadActionId,
    })),
    nps: nps.map((n) => ({ id: n.id, score: n.score, comment: n.comment, at: n.at.toISOString(), source: n.source, actorName: n.actorName })),
    jobs: jobs.map((j) => ({ id: j.id, kind: j.kind, status: j.status, attempts: j.attempts, lastError: j.lastError, updatedAt: j.updatedAt.toISOString() })),
  };
}

/** The pipeline page: the filtered pipeline, the sync status and the filters' options. */
export async function pipelinePage(session: Pick<StaffSession, 'accessToken' | 'stores'>, filters: PipelineFilters, timeZone: string) {
  const db = await getDb();
  const loadError = await ensureLeadsSynced(db, session);
  const [pipeline, sync, options] = await Promise.all([queryPipeline(db, filters, timeZone, session.stores), getSyncStatus(db, session.stores), getFilterOptions(db, session.stores)]);
  return { pipeline, sync, options, loadError };
}

/** The lead page: null when the lead is not in the pipeline. The Footprints timeline may fail alone. */
export async function leadPage(session: Pick<StaffSession, 'accessToken' | 'stores' | 'subject' | 'displayName' | 'roles'>, leadId: string) {
  const db = await getDb();
  await ensureLeadsSynced(db, session);
  const detail = await getLeadDetail(db, session.stores, actorOf(session), leadId);
  if (!detail) return null;
  let timeline: Timeline | null = null;
  try {
    timeline = await getTimeline(leadsDeps(session), leadId);
  } catch {
    timeline = null;
  }
  const options = await getFilterOptions(db, session.stores);
  // A captured lead Footprints does not list yet: the catalogues to complete it with (null when they failed).
  let completion: CompletionOptions | null = null;
  if (detail.summary.missing.length) {
    try {
      const all = await getCompletionOptions(leadsDeps(session));
      // Only the caller's stores to choose from (completeLead refuses any other).
      completion = { ...all, locations: all.locations.filter((l) => inScope(session.stores, l.id)) };
    } catch {
      completion = null;
    }
  }
  return { ...detail, timeline, options, completion };
}
