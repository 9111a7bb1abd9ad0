/** Leads, their actions, documents, NPS and lost reasons; prospects. */
import 'server-only';
import {
  DocumentTypeSchema,
  LeadsQuerySchema,
  MAX_DOCUMENTS_PER_UPLOAD,
  baseName,
  encodeAddLead,
  encodeAddProspect,
  encodeLeadAction,
  encodeLostLead,
  encodeNps,
  encodeUpdateLead,
  hasPdfMagic,
  type AddLeadInput,
  type AddProspectInput,
  type DocumentFile,
  type DocumentType,
  type LeadActionInput,
  type LeadsQuery,
  type LostLeadInput,
  type NpsInput,
  type UpdateLeadInput,
} from './encode';
import type { LeadsPage } from './client';
import {
  ActionSavedSchema,
  CreatedSchema,
  LeadActionListSchema,
  LeadActionTypeListSchema,
  LeadListSchema,
  LeadSchema,
  LostLeadResponseSchema,
  StatusSchema,
  UploadDocumentsResponseSchema,
  type Lead,
  type LeadAction,
  type LeadActionType,
  type LostLeadResponse,
} from './schemas';
import { headerInt, toBytes } from './transport';
import type { FootprintsTransport } from './transport';

export interface LeadsApi {
  addLead(accessToken: string, input: AddLeadInput): Promise<{ id: string }>;
  updateLead(accessToken: string, leadId: string, input: UpdateLeadInput): Promise<Lead>;
  getLeads(accessToken: string, query: LeadsQuery): Promise<LeadsPage>;
  addLeadAction(accessToken: string, input: LeadActionInput): Promise<{ id: string }>;
  updateLeadAction(accessToken: string, actionId: string, input: LeadActionInput): Promise<{ id: string }>;
  getLeadActions(accessToken: string, leadId: string): Promise<LeadAction[]>;
  getLeadActionTypes(accessToken: string): Promise<LeadActionType[]>;
  uploadLeadDocuments(
    accessToken: string,
    leadId: string,
    documentType: DocumentType,
    files: readonly DocumentFile[],
    options?: { leadActionId?: string },
  ): Promise<{ uploadedFiles: string[] }>;
  addProspect(accessToken: string, input: AddProspectInput): Promise<{ id: string }>;
  updateNps(accessToken: string, leadId: string, input: NpsInput): Promise<void>;
  updateLostLead(accessToken: string, leadId: string, input: LostLeadInput): Promise<LostLeadResponse>;
}

const leadPath = (leadId: string, tail = '') => `/api/lead/${encodeURIComponent(leadId)}${tail}`;

export function leadsApi(t: FootprintsTransport): LeadsApi {
  const { call, check, encode, form, refuse, requireId } = t;
  return {
    // NOT safe to repeat: Footprints has no idempotency key for add-lead; a repeat is a second lead. Every capture
    // sends its key in customDetails (AddLeadInput.captureKey), and a lost answer is reconciled before posting
    // again (lib/capture/lead-reconciliation.ts).
    async addLead(accessToken, input) {
      const params = encode('addLead', () => encodeAddLead(input));
      // The Node sample posts to /api/offerCategory/{id}/lead; the heading and the other three samples to
      // /api/lead, which is what the client uses (offerCategoryId travels in the body).
      const res = await call({
        operation: 'addLead',
        method: 'POST',
        path: '/api/lead',
        accessToken,
        body: form(params),
        schema: CreatedSchema,
        secrets: [input.userEmail, input.userPhone],
      });
      return { id: res._id };
    },

    // Safe to repeat: PUT of absolute values (a status, a contract, tags) on one lead; a second call sets the
    // same values again (the status history gains nothing: the status is already the one sent).
    async updateLead(accessToken, leadId, input) {
      requireId('updateLead', 'leadId', leadId);
      const params = encode('updateLead', () => encodeUpdateLead(input));
      return call({ operation: 'updateLead', method: 'PUT', path: leadPath(leadId), accessToken, body: form(params), schema: LeadSchema });
    },

    async getLeads(accessToken, query) {
      const q = check('getLeads', LeadsQuerySchema, query);
      let headers: Headers | undefined;
      const leads = await call({
        operation: 'getLeads',
        method: 'GET',
        path: '/api/lead',
        accessToken,
        query: { startDate: q.startDate, endDate: q.endDate, pageSize: q.pageSize, page: q.page, appKey: q.appKey },
        schema: LeadListSchema,
        onHeaders: (h) => (headers = h),
      });
      // The docs show no paging headers for leads; when they come they are used, else the page is all we know.
      return {
        leads,
        page: q.page,
        pageSize: q.pageSize,
        totalPages: headerInt(headers, 'x-total-pages'),
        totalRecords: headerInt(headers, 'x-records'),
      };
    },

    // NOT safe to repeat: each POST adds one more action to the timeline, with no key. Checkable: the lead's
    // actions can be listed (getLeadActions), so lib/leads/add-action.ts looks for the same type, detail and date
    // after an ambiguous failure before anyone adds it again.
    async addLeadAction(accessToken, input) {
      const params = encode('addLeadAction', () => encodeLeadAction(input));
      const res = await call({ operation: 'addLeadAction', method: 'POST', path: '/api/lead/action', accessToken, body: form(params), schema: ActionSavedSchema });
      return { id: res._id };
    },

    // Safe to repeat: PUT of the whole action (type, detail, date) on its id.
    async updateLeadAction(accessToken, actionId, input) {
      requireId('updateLeadAction', 'actionId', actionId);
      const params = encode('updateLeadAction', () => encodeLeadAction(input));
      const res = await call({
        operation: 'updateLeadAction',
        method: 'PUT',
        path: `/api/lead/action/${encodeURIComponent(actionId)}`,
        accessToken,
        body: form(params),
        schema: ActionSavedSchema,
      });
      return { id: res._id };
    },

    async getLeadActions(accessToken, leadId) {
      requireId('getLeadActions', 'leadId', leadId);
      return call({
        operation: 'getLeadActions',
        method: 'GET',
        path: `/api/lead/actions/${encodeURIComponent(leadId)}`,
        accessToken,
        schema: LeadActionListSchema,
      });
    },

    async getLeadActionTypes(accessToken) {
      // The curl sample of this section points at /api/lead/actions/{{leadId}} (a copy-paste slip); the
      // heading and the other samples say /api/lead/action-types.
      return call({ operation: 'getLeadActionTypes', method: 'GET', path: '/api/lead/action-types', accessToken, schema: LeadActionTypeListSchema });
    },

    // NOT known to be safe to repeat: the docs do not say whether a second upload replaces or adds documents, and
    // no call lists a lead's documents, so a lost answer cannot be checked. Never retried automatically: the
    // manager sees that the answer was lost and checks the lead in Footprints before uploading again
    // (lib/leads/upload-documents.ts).
    async uploadLeadDocuments(accessToken, leadId, documentType, files, opts = {}) {
      const operation = 'uploadLeadDocuments';
      requireId(operation, 'leadId', leadId);
      const type = check(operation, DocumentTypeSchema, documentType);
      if (files.length === 0) throw refuse(operation, 'not sent: no document attached');
      if (files.length > MAX_DOCUMENTS_PER_UPLOAD) {
        throw refuse(operation, `not sent: at most ${MAX_DOCUMENTS_PER_UPLOAD} files per upload (got ${files.length})`);
      }
      const body = new FormData();
      for (const [i, file] of files.entries()) {
        if (file.contentType && file.contentType.split(';')[0].trim().toLowerCase() !== 'application/pdf') {
          throw refuse(operation, `not sent: document ${i + 1} is not a PDF (only application/pdf is allowed)`);
        }
        const bytes = file.content instanceof Blob ? new Uint8Array(await file.content.arrayBuffer()) : toBytes(file.content);
        if (!hasPdfMagic(bytes)) throw refuse(operation, `not sent: document ${i + 1} is not a PDF (it does not start with %PDF-)`);
        body.append('documents', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), baseName(file.fileName));
      }
      if (opts.leadActionId) body.append('leadActionId', opts.leadActionId);
      // The samples set "Content-Type: multipart/form-data" by hand, which drops the boundary; fetch sets
      // the header itself, boundary included.
      const res = await call({
        operation,
        method: 'PUT',
        path: leadPath(leadId, `/${type}`),
        accessToken,
        body: { kind: 'multipart', form: body },
        schema: UploadDocumentsResponseSchema,
      });
      return { uploadedFiles: res.uploaded_files ?? [] };
    },

    // NOT safe to repeat (a second prospect), and not called by the console today.
    async addProspect(accessToken, input) {
      const params = encode('addProspect', () => encodeAddProspect(input));
      const res = await call({
        operation: 'addProspect',
        method: 'POST',
        path: '/api/prospect',
        accessToken,
        body: form(params),
        schema: CreatedSchema,
        secrets: [input.userEmail, input.userPhone],
      });
      return { id: res._id };
    },

    // NOT safe to repeat as history: Footprints keeps each NPS given (a repeat records the score twice, the
    // lead's current NPS stays the same). No call lists the NPS history, so it cannot be checked; never retried
    // automatically (lib/leads/record-nps.ts is one call per click).
    async updateNps(accessToken, leadId, input) {
      requireId('updateNps', 'leadId', leadId);
      const params = encode('updateNps', () => encodeNps(input));
      // The heading says POST; all four samples say PUT, as do the neighbouring lead updates: PUT.
      await call({ operation: 'updateNps', method: 'PUT', path: leadPath(leadId, '/nps'), accessToken, body: form(params), schema: StatusSchema });
    },

    // Safe to repeat: PUT of the lost reason and comment on one lead (absolute values).
    async updateLostLead(accessToken, leadId, input) {
      requireId('updateLostLead', 'leadId', leadId);
      const params = encode('updateLostLead', () => encodeLostLead(input));
      // Records the reason only: the docs' answer still shows "status": "lead", so moving the lead to
      // `lost` is a separate updateLead({status: "lost"}).
      return call({
        operation: 'updateLostLead',
        method: 'PUT',
        path: leadPath(leadId, '/leadLost'),
        accessToken,
        body: form(params),
        schema: LostLeadResponseSchema,
      });
    },
  };
}
