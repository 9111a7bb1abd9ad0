/**
 * Document upload for a lead (multipart: `documentType`, up to five `files`, optional `leadActionId`).
 *
 * A route handler rather than a server action because Next caps a server action's body at 1 MB and a
 * contract PDF may be 10 MB (next.config.mjs is shared; raising serverActions.bodySizeLimit there would let
 * this move into actions.ts). It holds the same line as defineAction: a session, the permission table
 * (refusals audited), validated input, and the same use case and error messages.
 */
import { z } from 'zod';
import { authorize, toActionError } from '@/lib/auth/action';
import { ValidationError } from '@/lib/errors';
import { DOCUMENT_KINDS, MAX_FILES_PER_UPLOAD, MAX_PDF_BYTES } from '@/lib/leads/pdf';
import { leadsDeps } from '@/lib/leads/deps';
import { uploadDocuments } from '@/lib/leads/upload-documents';

export const dynamic = 'force-dynamic';

const FieldsSchema = z.object({
  documentType: z.enum(DOCUMENT_KINDS, { message: 'Choose contract, offer or consent' }),
  leadActionId: z.string().trim().max(64).optional(),
});

const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, validation: 400, vendor: 502, conflict: 409, rate_limited: 429, internal: 500 };

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  // The same door as defineAction: the session, then the permission table (a refusal is audited).
  const door = await authorize('leads.uploadDocuments', 'leads.edit');
  if (!door.ok) {
    const code = door.result.ok ? 'internal' : door.result.error.code;
    return Response.json(door.result, { status: STATUS[code] ?? 500 });
  }
  const { session, db, actor } = door.ctx;
  try {
    const length = Number(request.headers.get('content-length') ?? '0');
    if (length > MAX_FILES_PER_UPLOAD * MAX_PDF_BYTES + 1024 * 1024) throw new ValidationError('At most five files of 10 MB each can be uploaded at once.');
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new ValidationError('The upload could not be read. Choose the files again.');
    }
    const fields = FieldsSchema.parse({
      documentType: form.get('documentType') ?? undefined,
      leadActionId: typeof form.get('leadActionId') === 'string' && form.get('leadActionId') ? form.get('leadActionId') : undefined,
    });
    const files = form.getAll('files').filter((f): f is File => typeof f !== 'string');
    const result = await uploadDocuments(db, leadsDeps(session), actor, {
      leadId: id,
      documentType: fields.documentType,
      leadActionId: fields.leadActionId,
      files: await Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) }))),
    });
    return Response.json({ ok: true, data: result });
  } catch (error) {
    const result = toActionError(error, 'leads.uploadDocuments');
    const code = result.ok ? 'internal' : result.error.code;
    return Response.json(result, { status: STATUS[code] ?? 500 });
  }
}
