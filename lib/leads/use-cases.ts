/**
 * The pipeline's use cases. Footprints is the source of truth: a change goes to the vendor first and the
 * read model is updated from its answer. Every status move, whatever the path (drag, menu, bulk, detail
 * page, a crafted action call), goes through moveLead, which applies the one status rule (status-rules.ts).
 * Every change and every refusal is audited with the member of staff who made it.
 */
import 'server-only';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { listJobsByCorrelation } from '@/lib/outbox';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import { formatFootprintsDateTime, parseFootprintsDate } from '@/lib/vendors/footprints/dates';
import { VendorError } from '@/lib/vendors/http';
import type { LeadAction, LeadActionType, LeadStatus } from '@/lib/vendors/footprints/schemas';
import { checkPdfFiles, MAX_FILES_PER_UPLOAD, startsWithPdfMagic, type DocumentKind } from './pdf';
import { applyVendorAnswer, getLeadRecord, recordToSummary, type LeadSummary } from './read-model';
import { leadDocuments, leadNpsEntries, leadRecords, leadStatusHistory, type LeadRecord } from './schema';
import { decideMove, STATUS_LABELS, type Contract, type LostDetails } from './status-rules';

export interface LeadDeps {
  client: FootprintsClient;
  /** The member of staff's Footprints token: calls are made on their behalf. */
  accessToken: string;
  timeZone: string;
  now?: () => Date;
}

const nowOf = (deps: LeadDeps) => (deps.now ?? (() => new Date()))();
const target = (leadId: string) => ({ type: 'lead', id: leadId });

async function requireLead(db: Db, leadId: string): Promise<LeadRecord> {
  const lead = await getLeadRecord(db, leadId);
  if (!lead) throw new ValidationError('This lead is not in the pipeline. Refresh the pipeline and try again.', { leadId: ['Unknown lead'] });
  return lead;
}

async function failure(db: Db, actor: AuditActorRef, action: string, leadId: string, error: unknown, detail: Record<string, unknown> = {}) {
  const reason = error instanceof VendorError ? error.reason : error instanceof Error ? error.name : 'error';
  await recordAudit(db, { actor, action, target: target(leadId), outcome: 'failure', detail: { ...detail, reason } });
}

export async function countContractPdfs(db: Db, leadId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(leadDocuments)
    .where(and(eq(leadDocuments.leadId, leadId), eq(leadDocuments.documentType, 'contracts')));
  return Number(row?.n ?? 0);
}

// ---- status ----------------------------------------------------------------------------------------------

export interface MoveInput {
  leadId: string;
  to: LeadStatus;
  contract?: Partial<Contract> | null;
  lost?: Partial<LostDetails> | null;
}

export interface MoveResult {
  lead: LeadSummary;
  from: LeadStatus;
  noop: boolean;
}

/** The one door for a status change. Refuses what the rule refuses, before any vendor call. */
export async function moveLead(db: Db, deps: LeadDeps, actor: AuditActorRef, input: MoveInput): Promise<MoveResult> {
  const record = await requireLead(db, input.leadId);
  const from = record.status as LeadStatus;
  const decision = decideMove({
    from,
    to: input.to,
    contract: input.contract,
    lost: input.lost,
    contractPdfCount: input.to === 'customer' ? await countContractPdfs(db, record.id) : 0,
  });
  if (!decision.ok) {
    await recordAudit(db, {
      actor,
      action: 'leads.updateStatus',
      target: target(record.id),
      outcome: 'refused',
      detail: { from, to: input.to, missing: Object.keys(decision.fieldErrors) },
    });
    throw new ValidationError(decision.message, decision.fieldErrors);
  }
  if (decision.noop) return { lead: recordToSummary(record), from, noop: true };

  const now = nowOf(deps);
  let answer;
  try {
    if (decision.lost) {
      // The reason goes through the lost-lead endpoint; its answer keeps the old status (see the client),
      // so the move itself is a status update.
      await deps.client.updateLostLead(deps.accessToken, record.id, { reasonLost: decision.lost.reasonLost, comment: decision.lost.comment });
      await recordAudit(db, {
        actor,
        action: 'leads.recordLostReason',
        target: target(record.id),
        outcome: 'success',
        detail: { reasonLost: decision.lost.reasonLost, hasComment: Boolean(decision.lost.comment) },
      });
      answer = await deps.client.updateLead(deps.accessToken, record.id, { status: 'lost' });
    } else if (decision.contract) {
      answer = await deps.client.updateLead(deps.accessToken, record.id, { status: 'customer', contract: decision.contract });
    } else {
      answer = await deps.client.updateLead(deps.accessToken, record.id, { status: input.to as Exclude<LeadStatus, 'customer'> });
    }
  } catch (error) {
    await failure(db, actor, 'leads.updateStatus', record.id, error, { from, to: input.to });
    throw error;
  }

  const updated = await applyVendorAnswer(
    db,
    record.id,
    answer,
    {
      ...(decision.contract ?? {}),
      ...(decision.lost ? { reasonLost: decision.lost.reasonLost, lostComment: decision.lost.comment ?? null } : {}),
    },
    deps.timeZone,
    now,
  );
  await db.update(leadRecords).set({ statusChangedAt: now }).where(eq(leadRecords.id, record.id));
  await db.insert(leadStatusHistory).values({
    leadId: record.id,
    fromStatus: from,
    toStatus: answer.status,
    at: now,
    source: 'console',
    actorId: actor.id,
    actorName: actor.name,
  });
  await recordAudit(db, {
    actor,
    action: 'leads.updateStatus',
    target: target(record.id),
    outcome: 'success',
    detail: {
      from,
      to: answer.status,
      ...(decision.contract ? { contractNumber: decision.contract.contractNumber, contractValue: decision.contract.contractValue, contractDate: decision.contract.contractDate } : {}),
      ...(decision.lost ? { reasonLost: decision.lost.reasonLost } : {}),
    },
  });
  return { lead: recordToSummary(updated ?? record), from, noop: false };
}

export interface BulkMoveResult {
  moved: { id: string; name: string }[];
  /** Already in the status asked for: nothing was sent for them. */
  already: { id: string; name: string }[];
  refused: { id: string; name: string; message: string }[];
  failed: { id: string; name: string; message: string }[];
}

/** Each lead through moveLead, one after the other: the rule holds for every one of them. */
export async function bulkMoveLeads(
  db: Db,
  deps: LeadDeps,
  actor: AuditActorRef,
  input: { leadIds: string[]; to: LeadStatus; lost?: Partial<LostDetails> | null },
): Promise<BulkMoveResult> {
  const out: BulkMoveResult = { moved: [], already: [], refused: [], failed: [] };
  for (const leadId of [...new Set(input.leadIds)]) {
    const record = await getLeadRecord(db, leadId);
    const name = record ? recordToSummary(record).name : leadId;
    try {
      // A bulk move carries no contract: a lead becomes a customer only from its own dialog.
      const result = await moveLead(db, deps, actor, { leadId, to: input.to, lost: input.lost, contract: null });
      (result.noop ? out.already : out.moved).push({ id: leadId, name });
    } catch (error) {
      if (error instanceof ValidationError) out.refused.push({ id: leadId, name, message: error.message });
      else if (error instanceof VendorError) out.failed.push({ id: leadId, name, message: error.retryable ? 'Footprints is not answering right now' : 'Footprints did not accept this change' });
      else throw error;
    }
  }
  return out;
}

// ---- documents -------------------------------------------------------------------------------------------

export interface UploadFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface UploadInput {
  leadId: string;
  documentType: DocumentKind;
  files: UploadFile[];
  leadActionId?: string;
}

/** Checks every file (PDF by type and content, 10 MB), then sends them to Footprints and records them. */
export async function uploadDocuments(db: Db, deps: LeadDeps, actor: AuditActorRef, input: UploadInput): Promise<{ uploaded: string[] }> {
  const record = await requireLead(db, input.leadId);
  const problems = checkPdfFiles(input.files.map((f) => ({ name: f.name, size: f.bytes.length, type: f.type, head: f.bytes.subarray(0, 8) })));
  if (problems.length) {
    await recordAudit(db, {
      actor,
      action: 'leads.uploadDocuments',
      target: target(record.id),
      outcome: 'refused',
      detail: { documentType: input.documentType, files: input.files.length, problems: problems.length },
    });
    throw new ValidationError(problems.join(' '), { files: problems });
  }
  if (input.files.length > MAX_FILES_PER_UPLOAD || !input.files.every((f) => startsWithPdfMagic(f.bytes))) {
    throw new ValidationError('Only PDF files can be uploaded.'); // unreachable after checkPdfFiles; kept as a guard
  }
  let uploaded: string[];
  try {
    const res = await deps.client.uploadLeadDocuments(
      deps.accessToken,
      record.id,
      input.documentType,
      input.files.map((f) => ({ fileName: f.name, content: f.bytes, contentType: 'application/pdf' })),
      input.leadActionId ? { leadActionId: input.leadActionId } : {},
    );
    uploaded = res.uploadedFiles.length ? res.uploadedFiles : input.files.map((f) => f.name);
  } catch (error) {
    await failure(db, actor, 'leads.uploadDocuments', record.id, error, { documentType: input.documentType, files: input.files.length });
    throw error;
  }
  const now = nowOf(deps);
  await db.insert(leadDocuments).values(
    input.files.map((f, i) => ({
      leadId: record.id,
      documentType: input.documentType,
      fileName: uploaded[i] ?? f.name,
      sizeBytes: f.bytes.length,
      leadActionId: input.leadActionId ?? null,
      uploadedAt: now,
      actorId: actor.id,
      actorName: actor.name,
    })),
  );
  await recordAudit(db, {
    actor,
    action: 'leads.uploadDocuments',
    target: target(record.id),
    outcome: 'success',
    detail: { documentType: input.documentType, files: input.files.map((f) => ({ name: f.name, bytes: f.bytes.length })), leadActionId: input.leadActionId },
  });
  return { uploaded };
}

// ---- the action timeline ---------------------------------------------------------------------------------

export interface TimelineEntry {
  id: string;
  typeId: string;
  typeName: string;
  detail: string;
  /** ISO instant. */
  date: string | null;
  /** "Y-m-d H:i" in the store's zone, for the edit form. */
  localDate: string;
  attachments: string[];
}

export interface Timeline {
  entries: TimelineEntry[];
  types: { id: string; name: string }[];
}

export async function getTimeline(deps: LeadDeps, leadId: string): Promise<Timeline> {
  const [actions, types] = await Promise.all([deps.client.getLeadActions(deps.accessToken, leadId), deps.client.getLeadActionTypes(deps.accessToken)]);
  const typeNames = new Map(types.map((t: LeadActionType) => [t._id, t.name]));
  const entries = actions
    .map((a: LeadAction) => {
      const typeId = typeof a.leadActionTypeId === 'string' ? a.leadActionTypeId : a.leadActionTypeId._id;
      const typeName = typeof a.leadActionTypeId === 'string' ? (typeNames.get(typeId) ?? typeId) : a.leadActionTypeId.name || (typeNames.get(typeId) ?? typeId);
      const date = parseFootprintsDate(a.date ?? a.createdAt, deps.timeZone);
      return {
        id: a._id,
        typeId,
        typeName,
        detail: a.actionDetail ?? '',
        date: date ? date.toISOString() : null,
        localDate: date ? formatFootprintsDateTime(date, deps.timeZone).slice(0, 16) : '',
        attachments: (a.attachments ?? []).map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x && 'filename' in x ? String((x as { filename: unknown }).filename) : 'document')),
      };
    })
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return { entries, types: types.map((t) => ({ id: t._id, name: t.name })) };
}

export interface ActionInput {
  leadId: string;
  typeId: string;
  detail: string;
  /** "Y-m-d H:i" (datetime-local, store zone) or empty for now. */
  date?: string;
}

function vendorDateTime(deps: LeadDeps, local: string | undefined): string {
  if (local && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/.test(local)) return `${local.replace('T', ' ')}:00`;
  return formatFootprintsDateTime(nowOf(deps), deps.timeZone);
}

export async function addAction(db: Db, deps: LeadDeps, actor: AuditActorRef, input: ActionInput): Promise<{ id: string }> {
  const record = await requireLead(db, input.leadId);
  const payload = { leadId: record.id, leadActionTypeId: input.typeId, actionDetail: input.detail, date: vendorDateTime(deps, input.date) };
  try {
    const res = await deps.client.addLeadAction(deps.accessToken, payload);
    await recordAudit(db, { actor, action: 'leads.addAction', target: target(record.id), outcome: 'success', detail: { actionId: res.id, typeId: input.typeId } });
    return res;
  } catch (error) {
    await failure(db, actor, 'leads.addAction', record.id, error, { typeId: input.typeId });
    throw error;
  }
}

export async function editAction(db: Db, deps: LeadDeps, actor: AuditActorRef, input: ActionInput & { actionId: string }): Promise<{ id: string }> {
  const record = await requireLead(db, input.leadId);
  const payload = { leadId: record.id, leadActionTypeId: input.typeId, actionDetail: input.detail, date: vendorDateTime(deps, input.date) };
  try {
    const res = await deps.client.updateLeadAction(deps.accessToken, input.actionId, payload);
    await recordAudit(db, { actor, action: 'leads.editAction', target: target(record.id), outcome: 'success', detail: { actionId: input.actionId, typeId: input.typeId } });
    return res;
  } catch (error) {
    await failure(db, actor, 'leads.editAction', record.id, error, { actionId: input.actionId });
    throw error;
  }
}

// ---- NPS -------------------------------------------------------------------------------------------------

export async function recordNps(db: Db, deps: LeadDeps, actor: AuditActorRef, input: { leadId: string; score: number; comment?: string }): Promise<void> {
  const record = await requireLead(db, input.leadId);
  try {
    await deps.client.updateNps(deps.accessToken, record.id, { nps: input.score, comment: input.comment || undefined });
  } catch (error) {
    await failure(db, actor, 'leads.recordNps', record.id, error, { score: input.score });
    throw error;
  }
  const now = nowOf(deps);
  await db.insert(leadNpsEntries).values({ leadId: record.id, score: input.score, comment: input.comment || null, at: now, source: 'console', actorId: actor.id, actorName: actor.name });
  // The row's score follows the vendor's latest, so the next sync does not note it a second time.
  await db.update(leadRecords).set({ nps: input.score }).where(eq(leadRecords.id, record.id));
  await recordAudit(db, { actor, action: 'leads.recordNps', target: target(record.id), outcome: 'success', detail: { score: input.score, hasComment: Boolean(input.comment) } });
}

// ---- the detail page -------------------------------------------------------------------------------------

export interface LeadDetail {
  record: LeadRecord;
  summary: LeadSummary;
  history: { id: number; from: string | null; to: string; at: string; source: string; actorName: string | null }[];
  documents: { id: string; type: string; fileName: string; sizeBytes: number; uploadedAt: string; actorName: string; leadActionId: string | null }[];
  nps: { id: number; score: number; comment: string | null; at: string; source: string; actorName: string | null }[];
  jobs: { id: string; kind: string; status: string; attempts: number; lastError: string | null; updatedAt: string }[];
}

export async function getLeadDetail(db: Db, leadId: string): Promise<LeadDetail | null> {
  const record = await getLeadRecord(db, leadId);
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

export { STATUS_LABELS };
