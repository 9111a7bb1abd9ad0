/**
 * Document upload for a lead (multipart: `documentType`, up to five `files`, optional `leadActionId`).
 *
 * A route handler rather than a server action because Next caps a server action's body at 1 MB and a
 * contract PDF may be 10 MB. It goes through the route door (lib/auth/route.ts): session, permission
 * table, same-origin, a streamed size cap, one error → status table, refusals audited.
 */
import { z } from 'zod';
import { requestLanguage } from '@/lib/auth/action';
import { defineRoute } from '@/lib/auth/route';
import { ValidationError } from '@/lib/errors';
import { serverTranslator } from '@/lib/i18n/server-words';
import { DOCUMENT_KINDS, MAX_FILES_PER_UPLOAD, MAX_PDF_BYTES } from '@/lib/leads/pdf';
import { leadsDeps } from '@/lib/leads/deps';
import { uploadDocuments } from '@/lib/leads/upload-documents';

export const dynamic = 'force-dynamic';

/** The upload's fields; its sentences in the person's language. */
const fieldsSchema = (chooseKind: string) =>
  z.object({
    documentType: z.enum(DOCUMENT_KINDS, { message: chooseKind }),
    leadActionId: z.string().trim().max(64).optional(),
  });

/** Five PDFs of 10 MB and the multipart framing around them. */
export const MAX_UPLOAD_BYTES = MAX_FILES_PER_UPLOAD * MAX_PDF_BYTES + 1024 * 1024;

export const POST = defineRoute<{ id: string }>({
  name: 'leads.uploadDocuments',
  permission: 'leads.edit',
  maxBodyBytes: MAX_UPLOAD_BYTES,
  // Up to 51 MB: outside proxy.ts, which would buffer the body (and cut it at 10 MB).
  largeBody: true,
  handler: async (_request, { session, db, actor, params, body }) => {
    const t = serverTranslator(await requestLanguage());
    let form: FormData;
    try {
      form = await body.formData();
    } catch (error) {
      if (error instanceof Error && error.name === 'BodyTooLargeError') throw error;
      throw new ValidationError(t('leadDetail.documents.unreadable'));
    }
    const fields = fieldsSchema(t('leadDetail.documents.chooseKind')).parse({
      documentType: form.get('documentType') ?? undefined,
      leadActionId: typeof form.get('leadActionId') === 'string' && form.get('leadActionId') ? form.get('leadActionId') : undefined,
    });
    const files = form.getAll('files').filter((f): f is File => typeof f !== 'string');
    return uploadDocuments(db, leadsDeps(session), actor, {
      leadId: params.id,
      documentType: fields.documentType,
      leadActionId: fields.leadActionId,
      files: await Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    });
  },
});
