/**
 * A lead the console added to Footprints enters the pipeline from what was sent and what Footprints answered
 * (its `_id`), at delivery — not from Footprints' list, which returns only leads with a location, an offer
 * category, an offer and a consultant (Get Leads, footprints-api.txt): a lead captured with the required
 * fields only would otherwise never reach the pipeline.
 *
 * Idempotent: a retried delivery, or a sync that listed the lead first, leaves the row as it is.
 */
import 'server-only';
import { leadRecords, leadStatusHistory } from './schema';
import type { Db } from '@/lib/db';
import { searchTextOf } from './read-model';

/** The add-lead fields the pipeline reads (lib/capture/fields.ts builds them from the form). */
export interface CapturedLeadFields {
  userFirstName?: unknown;
  userLastName?: unknown;
  userEmail?: unknown;
  userPhone?: unknown;
  locationId?: unknown;
  offerCategoryId?: unknown;
  offerId?: unknown;
  consultantId?: unknown;
  channelId?: unknown;
  tags?: unknown;
  nps?: unknown;
}

export interface CapturedLead {
  /** Footprints' `_id` from the add-lead answer. */
  footprintsLeadId: string;
  /** What was sent to POST /api/lead. */
  sent: CapturedLeadFields;
  /** When the hostess captured it. */
  capturedAt: Date;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Writes the captured lead to the read model unless it is there already. Returns true when it was written. */
export async function recordCapturedLead(db: Db, lead: CapturedLead): Promise<boolean> {
  const s = lead.sent;
  const firstName = text(s.userFirstName);
  const lastName = text(s.userLastName);
  const email = text(s.userEmail);
  const phone = text(s.userPhone);
  const nps = typeof s.nps === 'number' && Number.isInteger(s.nps) ? s.nps : null;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(leadRecords)
      .values({
        id: lead.footprintsLeadId,
        // A new lead's status is not in Footprints' answer; "lead" is what Add Lead creates (Add prospect makes prospects).
        status: 'lead',
        firstName,
        lastName,
        email,
        phone,
        searchText: searchTextOf(firstName, lastName, email, phone),
        locationId: text(s.locationId),
        offerCategoryId: text(s.offerCategoryId),
        offerId: text(s.offerId),
        consultantId: text(s.consultantId),
        channelId: text(s.channelId),
        tags: Array.isArray(s.tags) ? s.tags.filter((t): t is string => typeof t === 'string') : [],
        nps,
        vendorCreatedAt: lead.capturedAt,
        statusChangedAt: lead.capturedAt,
        raw: { _id: lead.footprintsLeadId },
        syncedAt: lead.capturedAt,
        origin: 'capture',
      })
      .onConflictDoNothing({ target: leadRecords.id })
      .returning({ id: leadRecords.id });
    if (inserted.length === 0) return false;
    await tx.insert(leadStatusHistory).values({ leadId: lead.footprintsLeadId, fromStatus: null, toStatus: 'lead', at: lead.capturedAt, source: 'capture' });
    return true;
  });
}
