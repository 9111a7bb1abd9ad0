/**
 * Finding a capture's lead at Footprints after an add-lead whose answer was lost (issue 13). Add-lead has no
 * idempotency key at Footprints, so before posting again the console lists the capture's day and looks for:
 *   1. the capture's key in the lead's customDetails (sent with every add-lead; the docs do not say the list
 *      echoes customDetails, so this is used when it does and never relied on);
 *   2. else the same e-mail or phone with the same createdAt (to the second: the console sends createdAt, so
 *      Footprints stores the capture's own instant, not its arrival time).
 * The list "will return only the leads with locationId, offerCategoryId, offerId and consultantId asociated"
 * (the docs): a capture without all four cannot be seen there, so "not in the list" proves nothing for it, and
 * a person decides. Several leads with the same contact and second are a person's call too.
 */
import 'server-only';
import { addDaysIso, dayInZone } from '@/lib/dates';
import type { FootprintsClient } from '@/lib/vendors/footprints';
import { parseFootprintsDate } from '@/lib/vendors/footprints/dates';
import { captureKeyOfLead } from '@/lib/vendors/footprints/encode';
import type { Lead } from '@/lib/vendors/footprints/schemas';
import { normalizeEmail, normalizePhone } from './fields';
import { maskEmail, maskPhone } from './find-possible-duplicates';

/** Fields the list needs to show a lead at all (the docs' sentence above). */
export const LISTED_ONLY_WITH = ['locationId', 'offerCategoryId', 'offerId', 'consultantId'] as const;
const PAGE_SIZE = 200;
/** A day has far fewer leads than this; a list that never ends is not read forever. */
const MAX_PAGES = 100;

export interface CaptureToFind {
  idempotencyKey: string;
  /** ISO instant of the capture (the createdAt sent). */
  capturedAt: string;
  /** The add-lead fields sent (userEmail, userPhone, timezone, the four ids). */
  addLead: Record<string, unknown>;
}

/** What the admin sees of a lead that might be the capture: masked contact, never the full record. */
export interface CandidateLead {
  id: string;
  name: string;
  maskedEmail: string | null;
  maskedPhone: string | null;
  createdAt: string | null;
  locationId: string | null;
  status: string;
  /** What it has in common with the capture. */
  matchedOn: ('key' | 'email' | 'phone' | 'time')[];
}

export type Reconciliation =
  | { outcome: 'found'; leadId: string; by: 'key' | 'contact'; duplicates: string[] }
  | { outcome: 'absent' }
  | { outcome: 'undecidable'; reason: 'not_listable' | 'several_matches'; candidates: CandidateLead[] };

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Whether Footprints' lead list can show this capture (all four ids sent). */
export function isListable(addLead: Record<string, unknown>): boolean {
  return LISTED_ONLY_WITH.every((f) => text(addLead[f]) !== undefined);
}

/**
 * The capture day's leads, every page. The days either side are read too: the docs do not say in which zone
 * startDate/endDate are read, and a capture near midnight must not fall outside the range.
 */
export async function listCaptureDayLeads(client: FootprintsClient, token: string, capture: CaptureToFind): Promise<Lead[]> {
  const zone = text(capture.addLead.timezone) ?? 'UTC';
  const day = dayInZone(new Date(capture.capturedAt), zone);
  const startDate = addDaysIso(day, -1);
  const endDate = addDaysIso(day, 1);
  const leads: Lead[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await client.getLeads(token, { startDate, endDate, page, pageSize: PAGE_SIZE });
    leads.push(...result.leads);
    const last = result.totalPages !== undefined ? page >= result.totalPages : result.leads.length < PAGE_SIZE;
    if (last || result.leads.length === 0) return leads;
  }
  throw new Error(`the lead list did not end within ${MAX_PAGES} pages`);
}

function sameSecond(a: Date | null, b: Date): boolean {
  return a !== null && Math.floor(a.getTime() / 1000) === Math.floor(b.getTime() / 1000);
}

function candidateOf(lead: Lead, matchedOn: CandidateLead['matchedOn']): CandidateLead {
  const email = normalizeEmail(lead.userEmail);
  const phone = normalizePhone(lead.userPhone);
  return {
    id: lead._id,
    name: [lead.userFirstName, lead.userLastName].filter(Boolean).join(' ') || '—',
    maskedEmail: email ? maskEmail(email) : null,
    maskedPhone: phone ? maskPhone(phone) : null,
    createdAt: lead.createdAt ? (parseFootprintsDate(lead.createdAt, 'UTC')?.toISOString() ?? null) : null,
    locationId: lead.locationId ?? null,
    status: lead.status,
    matchedOn,
  };
}

/** Decides from the listed leads (pure: the tests give it lists). */
export function reconcileCapture(capture: CaptureToFind, leads: readonly Lead[]): Reconciliation {
  const byKey = leads.filter((l) => captureKeyOfLead(l) === capture.idempotencyKey);
  if (byKey.length > 0) {
    // Oldest first: if an earlier blind retry already made two, the first one is the capture's.
    const sorted = [...byKey].sort((a, b) => (parseFootprintsDate(a.createdAt, 'UTC')?.getTime() ?? 0) - (parseFootprintsDate(b.createdAt, 'UTC')?.getTime() ?? 0));
    return { outcome: 'found', leadId: sorted[0]._id, by: 'key', duplicates: sorted.slice(1).map((l) => l._id) };
  }

  const email = normalizeEmail(text(capture.addLead.userEmail));
  const phone = normalizePhone(text(capture.addLead.userPhone));
  const at = new Date(capture.capturedAt);
  const sameContact = leads
    .map((l) => {
      const matchedOn: CandidateLead['matchedOn'] = [];
      if (email && normalizeEmail(l.userEmail) === email) matchedOn.push('email');
      if (phone && normalizePhone(l.userPhone) === phone) matchedOn.push('phone');
      if (matchedOn.length && sameSecond(parseFootprintsDate(l.createdAt, 'UTC'), at)) matchedOn.push('time');
      return { lead: l, matchedOn };
    })
    .filter((m) => m.matchedOn.length > 0);
  // A lead carrying another capture's key is another capture, whatever its contact and time.
  const exact = sameContact.filter((m) => m.matchedOn.includes('time') && captureKeyOfLead(m.lead) === undefined);
  if (exact.length === 1) return { outcome: 'found', leadId: exact[0].lead._id, by: 'contact', duplicates: [] };
  if (exact.length > 1) {
    return { outcome: 'undecidable', reason: 'several_matches', candidates: exact.map((m) => candidateOf(m.lead, m.matchedOn)) };
  }
  if (isListable(capture.addLead)) return { outcome: 'absent' };
  return { outcome: 'undecidable', reason: 'not_listable', candidates: sameContact.slice(0, 10).map((m) => candidateOf(m.lead, m.matchedOn)) };
}
