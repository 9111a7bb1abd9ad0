/**
 * Completing a lead in Footprints: a lead captured without location, offer category, offer or consultant is
 * in the pipeline (from the add-lead answer) but not in Footprints' list, which returns only leads that have
 * all four. The manager picks what is missing; the console sends it with Update Lead (see the decision in
 * lib/vendors/footprints/encode.ts) and the read model follows the answer — after which Footprints lists it.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { parseFootprintsDate } from '@/lib/vendors/footprints/dates';
import { VendorError } from '@/lib/vendors/http';
import { missingParts, recordToSummary, saveCatalogue, type LeadSummary, type MissingPart } from './read-model';
import { leadRecords } from './schema';
import type { LeadDeps } from './deps';
import { inScope } from '@/lib/auth/stores';
import { requireLead } from './lead-records';
import { refusal } from '@/lib/i18n/server-words';

export interface CompletionOption {
  id: string;
  name: string;
}
export interface CompletionOptions {
  locations: CompletionOption[];
  categories: CompletionOption[];
  offers: (CompletionOption & { categoryId: string | null; price: number | null })[];
  consultants: CompletionOption[];
}

const collator = new Intl.Collator('ro');
const byName = (a: CompletionOption, b: CompletionOption) => collator.compare(a.name, b.name);

/** The catalogues a completion chooses from (Footprints' locations, offer categories, offers, business users). */
export async function getCompletionOptions(deps: Pick<LeadDeps, 'client' | 'accessToken'>): Promise<CompletionOptions> {
  const [locations, categories, offers, users] = await Promise.all([
    deps.client.listLocations(deps.accessToken),
    deps.client.listAll(deps.accessToken, 'offerCategories'),
    deps.client.listAll(deps.accessToken, 'offers'),
    deps.client.listBusinessUsers(deps.accessToken),
  ]);
  return {
    locations: locations.map((l) => ({ id: l._id, name: l.name })).sort(byName),
    categories: categories.map((c) => ({ id: c._id, name: c.name })).sort(byName),
    offers: offers
      .map((o) => ({ id: o._id, name: o.name, categoryId: o.offerCategory?._id ?? null, price: typeof o.price === 'number' ? o.price : null }))
      .sort(byName),
    consultants: users.map((u) => ({ id: u._id, name: [u.firstName, u.lastName].filter(Boolean).join(' ') || u.email || u._id })).sort(byName),
  };
}

export interface CompleteLeadInput {
  leadId: string;
  locationId?: string;
  offerCategoryId?: string;
  offerId?: string;
  consultantId?: string;
}

const FIELD_OF: Record<MissingPart, keyof Omit<CompleteLeadInput, 'leadId'>> = {
  location: 'locationId',
  category: 'offerCategoryId',
  offer: 'offerId',
  consultant: 'consultantId',
};
const ASK_FOR: Record<MissingPart, string> = {
  location: 'Choose the store',
  category: 'Choose the offer category',
  offer: 'Choose the offer',
  consultant: 'Choose the consultant',
};

export async function completeLead(db: Db, deps: LeadDeps, actor: AuditActorRef, input: CompleteLeadInput): Promise<LeadSummary> {
  const record = await requireLead(db, deps, actor, 'leads.complete', input.leadId);
  const chosen = {
    locationId: input.locationId?.trim() || record.locationId || undefined,
    offerCategoryId: input.offerCategoryId?.trim() || record.offerCategoryId || undefined,
    offerId: input.offerId?.trim() || record.offerId || undefined,
    consultantId: input.consultantId?.trim() || record.consultantId || undefined,
  };
  const stillMissing = missingParts({
    locationId: chosen.locationId ?? null,
    offerCategoryId: chosen.offerCategoryId ?? null,
    offerId: chosen.offerId ?? null,
    consultantId: chosen.consultantId ?? null,
  });
  const fieldErrors: Record<string, string[]> = {};
  for (const part of stillMissing) fieldErrors[FIELD_OF[part]] = [ASK_FOR[part]];

  const options = await getCompletionOptions(deps);
  const location = options.locations.find((o) => o.id === chosen.locationId);
  const category = options.categories.find((o) => o.id === chosen.offerCategoryId);
  const offer = options.offers.find((o) => o.id === chosen.offerId);
  const consultant = options.consultants.find((o) => o.id === chosen.consultantId);
  if (chosen.locationId && !location) fieldErrors.locationId = ['This store is not in Footprints any more: choose another'];
  // A lead moves only into one of the caller's stores (the list they were offered holds no other).
  else if (chosen.locationId && !inScope(deps.scope, chosen.locationId)) fieldErrors.locationId = ['Choose one of your stores'];
  if (chosen.offerCategoryId && !category) fieldErrors.offerCategoryId = ['This offer category is not in Footprints any more: choose another'];
  if (chosen.offerId && !offer) fieldErrors.offerId = ['This offer is not in Footprints any more: choose another'];
  else if (offer && category && offer.categoryId && offer.categoryId !== category.id) fieldErrors.offerId = [`This offer is not in ${category.name}: choose one of its offers`];
  if (chosen.consultantId && !consultant) fieldErrors.consultantId = ['This consultant is not in Footprints any more: choose another'];
  if (Object.keys(fieldErrors).length) {
    await recordAudit(db, { actor, action: 'leads.complete', target: { type: 'lead', id: record.id }, outcome: 'refused', detail: { fields: Object.keys(fieldErrors) } });
    throw refusal((m) => new ValidationError(m, fieldErrors), (t) => t('leadDetail.errors.incompleteForFootprints'));
  }

  // Only what changes is sent.
  const patch = {
    ...(chosen.locationId !== record.locationId ? { locationId: chosen.locationId } : {}),
    ...(chosen.offerCategoryId !== record.offerCategoryId ? { offerCategoryId: chosen.offerCategoryId } : {}),
    ...(chosen.offerId !== record.offerId ? { offerId: chosen.offerId } : {}),
    ...(chosen.consultantId !== record.consultantId ? { consultantId: chosen.consultantId } : {}),
  };
  if (Object.keys(patch).length === 0) return recordToSummary(record);

  let answer;
  try {
    answer = await deps.client.updateLead(deps.accessToken, record.id, patch);
  } catch (error) {
    await recordAudit(db, {
      actor,
      action: 'leads.complete',
      target: { type: 'lead', id: record.id },
      outcome: 'failure',
      detail: { fields: Object.keys(patch), reason: error instanceof VendorError ? error.reason : 'error' },
    });
    throw error;
  }
  const now = (deps.now ?? (() => new Date()))();
  if (location) await saveCatalogue(db, 'location', [{ _id: location.id, name: location.name }]);
  const [row] = await db
    .update(leadRecords)
    .set({
      status: answer.status,
      // The answer carries locationId, offerId and consultantId (not the category): it is read where it speaks.
      locationId: answer.locationId ?? chosen.locationId,
      offerCategoryId: chosen.offerCategoryId,
      offerCategoryName: category?.name ?? record.offerCategoryName,
      offerId: answer.offerId ?? chosen.offerId,
      offerName: offer?.name ?? record.offerName,
      offerPrice: offer?.price ?? record.offerPrice,
      consultantId: answer.consultantId ?? chosen.consultantId,
      consultantName: consultant?.name ?? record.consultantName,
      vendorUpdatedAt: parseFootprintsDate(answer.updatedAt, deps.timeZone) ?? now,
      syncedAt: now,
    })
    .where(eq(leadRecords.id, record.id))
    .returning();
  await recordAudit(db, { actor, action: 'leads.complete', target: { type: 'lead', id: record.id }, outcome: 'success', detail: { fields: Object.keys(patch) } });
  return recordToSummary(row ?? record);
}
