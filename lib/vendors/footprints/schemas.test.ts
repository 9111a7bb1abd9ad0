/**
 * Every sample answer of the docs (./fixtures, invalid JSON fixed and nothing else) parses with the
 * client's schema, with the values the docs show; and what would break a page is rejected.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeFootprintsError } from './client';
import { parseFootprintsDate } from './dates';
import {
  ActionSavedSchema,
  BusinessUserSchema,
  CampaignListResponseSchema,
  ChannelSchema,
  CodeCheckResponseSchema,
  CodeListResponseSchema,
  CreatedSchema,
  CustomerSchema,
  LeadActionListSchema,
  LeadActionTypeListSchema,
  LeadListSchema,
  LeadSchema,
  LocationSchema,
  LostLeadResponseSchema,
  NotificationResponseSchema,
  OfferCategorySchema,
  OfferSchema,
  OfflineCampaignSchema,
  PrizeHistoryResponseSchema,
  SkuSchema,
  StatusSchema,
  TokenResponseSchema,
  UploadDocumentsResponseSchema,
} from './schemas';

const dir = path.join(__dirname, 'fixtures');
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'));

function parse<S extends z.ZodType>(schema: S, name: string): z.infer<S> {
  const result = schema.safeParse(fixture(name));
  if (!result.success) throw new Error(`${name}: ${result.error.message}`);
  return result.data;
}

const arrayOf = <S extends z.ZodType>(item: S) => item.array();

/** Every fixture file and the schema that reads it. */
const SCHEMA_OF: Record<string, z.ZodType> = {
  token: TokenResponseSchema,
  'add-lead': CreatedSchema,
  'update-lead': LeadSchema,
  'get-leads': LeadListSchema,
  'add-lead-action': ActionSavedSchema,
  'update-lead-action': ActionSavedSchema,
  'get-lead-actions': LeadActionListSchema,
  'get-lead-action-types': LeadActionTypeListSchema,
  'upload-lead-documents': UploadDocumentsResponseSchema,
  'add-prospect': CreatedSchema,
  'update-nps': StatusSchema,
  'update-lost-lead': LostLeadResponseSchema,
  'get-customer': CustomerSchema,
  'update-customer': StatusSchema,
  'delete-customer': StatusSchema,
  'loyalty-active-campaigns': CampaignListResponseSchema,
  'loyalty-campaigns': CampaignListResponseSchema,
  'loyalty-check': CodeCheckResponseSchema,
  'loyalty-change': StatusSchema,
  'loyalty-list': CodeListResponseSchema,
  'loyalty-history': PrizeHistoryResponseSchema,
  'offer-categories': arrayOf(OfferCategorySchema),
  offers: arrayOf(OfferSchema),
  skus: arrayOf(SkuSchema),
  locations: arrayOf(LocationSchema),
  'offline-campaigns': arrayOf(OfflineCampaignSchema),
  'business-users': arrayOf(BusinessUserSchema),
  channels: arrayOf(ChannelSchema),
  'send-notification': NotificationResponseSchema,
};

describe('every documented sample answer', () => {
  it('has a fixture, and every fixture has a schema', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'catalogue-headers.json')
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual(Object.keys(SCHEMA_OF).sort());
    expect(files).toHaveLength(29);
  });

  it.each(Object.entries(SCHEMA_OF))('%s parses', (name, schema) => {
    const result = schema.safeParse(fixture(name));
    expect(result.success, result.success ? '' : result.error.message).toBe(true);
  });
});

describe('values read from the samples', () => {
  it('token: scope array, hostess name and id', () => {
    const t = parse(TokenResponseSchema, 'token');
    expect(t.scope).toEqual(['app_scope', 'hostess_scope']);
    expect(t.hostess_name).toBe('Test Hostess');
    expect(t.hostess_id).toBe('5b30cb85e1267446c5784b75');
    expect(t.expires_in).toBe(31535999);
  });

  it('leads: populated offer, sku, consultant; booleans; the category name', () => {
    const [lead] = parse(LeadListSchema, 'get-leads');
    expect(lead._id).toBe('5ce3b4089d5de975003244d2');
    expect(lead.status).toBe('sale_lead');
    expect(lead.offer).toMatchObject({ name: 'OFFER NAME', price: 800 });
    expect(lead.sku).toMatchObject({ name: 'SKU NAME', price: 400 });
    expect(lead.consultant?.name).toBe('Test Test');
    expect(lead.offerCategory).toBe('Footprints for Retail');
    expect(lead.agreeTandc).toBe(true);
    expect(lead.userFamilyDetails).toBe('relationship');
    expect(parseFootprintsDate(lead.userBirthday, 'UTC')?.toISOString()).toBe('1960-10-21T00:00:00.000Z');
  });

  it('update and lost answers: wall-clock times, contract id, comment id', () => {
    const updated = parse(LeadSchema, 'update-lead');
    expect(updated.status).toBe('customer');
    expect(updated.contractId).toBe('5ebe97b8d6772218b0a76785');
    expect(updated.assignedBefore).toBe(1);
    const lost = parse(LostLeadResponseSchema, 'update-lost-lead');
    expect(lost.comments).toBe('62b094763720b627e83324ef');
    expect(lost.status).toBe('lead');
  });

  it('lead actions and types: the {"data": […]} reading of the invalid sample, and a bare array', () => {
    const actions = parse(LeadActionListSchema, 'get-lead-actions');
    expect(actions).toHaveLength(1);
    expect(actions[0].leadActionTypeId).toEqual({ _id: '6d23b4089d5de672354dd7878', name: 'Test Test' });
    const bare = LeadActionListSchema.parse((fixture('get-lead-actions') as { data: unknown[] }).data);
    expect(bare[0].actionDetail).toBe('My description');
    expect(parse(LeadActionTypeListSchema, 'get-lead-action-types').map((t) => t.name)).toEqual(['Type 1']);
  });

  it('customer: leads with their status, an offer price of "" read as null', () => {
    const c = parse(CustomerSchema, 'get-customer');
    expect(c.leads?.map((l) => l.status)).toEqual(['lead']);
    expect(c.interactionsTimeline).toHaveLength(1);
    expect(c.type).toBe('B2C');
  });

  it('loyalty: campaigns, check, list, history', () => {
    const active = parse(CampaignListResponseSchema, 'loyalty-active-campaigns');
    expect(active.campaigns.map((c) => c.internalId)).toEqual(['3irf2dmn8ks', 'i8inejs4t8c']);
    expect(active.campaigns[1].total).toBe(1);
    const all = parse(CampaignListResponseSchema, 'loyalty-campaigns');
    expect(all.campaigns[0].loyaltySettings?.codeLength).toBe('9');
    expect(all.campaigns[0].loyaltySettings?.loyaltyPrizeTypes?.map((p) => p.pointsValue)).toEqual([10, 20]);
    const check = parse(CodeCheckResponseSchema, 'loyalty-check');
    expect(check).toMatchObject({ code: '9E58EDI', prize_status: 'associated', prize: { name: 'Prize Name Example' } });
    // The wall-clock expiry of the check sample, in Romania, is 15:28:47 UTC (the history sample's form).
    expect(parseFootprintsDate(check.expire_code_date, 'Europe/Bucharest')?.toISOString()).toBe('2018-12-15T15:28:47.000Z');
    const list = parse(CodeListResponseSchema, 'loyalty-list');
    expect(list.totalResults).toBe(1);
    expect(list.clients[0]).toMatchObject({ code: '9X4C8DN6', status: 'associated', hostess: { name: 'Test Hostess' } });
    const history = parse(PrizeHistoryResponseSchema, 'loyalty-history');
    expect(history.codes[0]).toMatchObject({ code: 'JGFRZ328', status: 'redeemed', location: { name: 'Location name' } });
  });

  it('catalogues', () => {
    expect(parse(arrayOf(OfferSchema), 'offers').map((o) => o.price)).toEqual([250, 350]);
    expect(parse(arrayOf(SkuSchema), 'skus').map((s) => s.offer?.name)).toEqual(['Product 1', 'Product 5']);
    expect(parse(arrayOf(LocationSchema), 'locations')[0].coords).toEqual([0, 0]);
    expect(parse(arrayOf(BusinessUserSchema), 'business-users')[0].locations).toHaveLength(2);
    expect(parse(arrayOf(ChannelSchema), 'channels').map((c) => c.mediaType)).toEqual(['Earned Media', 'Owned Media']);
    expect(parse(UploadDocumentsResponseSchema, 'upload-lead-documents').uploaded_files).toEqual(['filename1.pdf', 'filename2.pdf']);
  });
});

describe('what would break a page is rejected; unknown extras are kept', () => {
  const lead = () => structuredClone((fixture('get-leads') as Record<string, unknown>[])[0]);

  it('keeps unknown fields', () => {
    const parsed = LeadSchema.parse({ ...lead(), brandNewField: { x: 1 } });
    expect((parsed as Record<string, unknown>).brandNewField).toEqual({ x: 1 });
  });

  it('rejects a lead without _id, or with a status the pipeline does not know', () => {
    const noId = lead();
    delete noId._id;
    expect(LeadSchema.safeParse(noId).success).toBe(false);
    expect(LeadSchema.safeParse({ ...lead(), status: 'won' }).success).toBe(false);
    expect(LeadListSchema.safeParse({ leads: [] }).success).toBe(false);
  });

  it('rejects a code without its code or with an unknown status, and a token without access_token', () => {
    const check = fixture('loyalty-check') as Record<string, unknown>;
    expect(CodeCheckResponseSchema.safeParse({ ...check, code: '' }).success).toBe(false);
    expect(CodeCheckResponseSchema.safeParse({ ...check, prize_status: 'used' }).success).toBe(false);
    const token = fixture('token') as Record<string, unknown>;
    expect(TokenResponseSchema.safeParse({ ...token, access_token: undefined }).success).toBe(false);
    expect(TokenResponseSchema.parse({ ...token, scope: 'app_scope hostess_scope' }).scope).toEqual(['app_scope', 'hostess_scope']);
  });

  it('rejects a catalogue item without a name, and an offer price that is not a number', () => {
    expect(OfferSchema.safeParse({ _id: 'x' }).success).toBe(false);
    expect(OfferSchema.safeParse({ _id: 'x', name: 'n', price: 'cheap' }).success).toBe(false);
    expect(OfferSchema.parse({ _id: 'x', name: 'n', price: '' }).price).toBeNull();
  });
});

describe('describeFootprintsError', () => {
  it('reads both error shapes and never passes a raw body or personal data on', () => {
    expect(describeFootprintsError(401, { error: 'invalid_grant', error_description: 'Invalid PIN' })).toEqual({ vendorCode: 'invalid_grant', message: 'Invalid PIN' });
    expect(describeFootprintsError(409, { status: 'error', message: 'the code is already redeemed', errorCode: 'code_not_associated' })).toEqual({
      vendorCode: 'code_not_associated',
      message: 'the code is already redeemed',
    });
    expect(describeFootprintsError(502, '<html><body>Bad gateway at 10.0.0.7</body></html>')).toEqual({ vendorCode: undefined, message: 'HTTP 502' });
    expect(describeFootprintsError(404, { message: 'no client ana@example.com / 0722000001' }).message).toBe('no client [email] / [number]');
  });
});
