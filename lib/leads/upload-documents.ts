import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ConflictError, ValidationError } from '@/lib/errors';
import { deliveryOf } from '@/lib/vendors/http';
import type { LeadDeps } from './deps';
import { failure, nowOf, requireLead, target } from './lead-records';
import { checkPdfFiles, MAX_FILES_PER_UPLOAD, startsWithPdfMagic, type DocumentKind } from './pdf';
import { leadDocuments } from './schema';
import { refusal, serverTranslator } from '@/lib/i18n/server-words';

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

export const UPLOAD_UNCONFIRMED_MESSAGE = serverTranslator('en')('leadDetail.errors.uploadUnconfirmed');

/**
 * Checks every file (PDF by type and content, 10 MB), then sends them to Footprints and records them. The upload
 * is not known to be safe to repeat and cannot be checked (no call lists a lead's documents): after a lost
 * answer staff are told the documents may have arrived, never "nothing was changed".
 */
export async function uploadDocuments(db: Db, deps: LeadDeps, actor: AuditActorRef, input: UploadInput): Promise<{ uploaded: string[] }> {
  const record = await requireLead(db, deps, actor, 'leads.uploadDocuments', input.leadId);
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
    const answerLost = deliveryOf(error) === 'ambiguous';
    await failure(db, actor, 'leads.uploadDocuments', record.id, error, { documentType: input.documentType, files: input.files.length, ...(answerLost ? { answerLost } : {}) });
    throw answerLost ? refusal((m) => new ConflictError(m), (t) => t('leadDetail.errors.uploadUnconfirmed')) : error;
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
