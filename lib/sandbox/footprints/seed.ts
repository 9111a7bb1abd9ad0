/**
 * The Footprints simulator's seed: a small store chain with catalogues, consultants, a few hundred leads
 * in every status, the shared demo people as clients with leads, and loyalty campaigns (active, past and
 * active-with-expired-codes) whose codes are in every status. Deterministic: a seeded PRNG, fixed ids,
 * dates relative to `now`.
 */
import { DEMO_HOSTESSES, DEMO_STORE_HOSTESS } from '../demo-staff';
import { DEMO_PEOPLE } from '../demo-people';
import {
  SIM_LOST_REASONS,
  objectId,
  type SimActionType,
  type SimBusinessUser,
  type SimCampaign,
  type SimChannel,
  type SimClient,
  type SimCode,
  type SimCodeStatus,
  type SimLead,
  type SimLeadAction,
  type SimLeadStatus,
  type SimLocation,
  type SimOffer,
  type SimOfferCategory,
  type SimOfflineCampaign,
  type SimSku,
  type SimState,
} from './state';
import { addDays } from './time';
import { mulberry32 } from '../random';

/** Id kinds (first 4 hex of every id). */
export const KIND = {
  location: 'a100',
  category: 'a200',
  offer: 'a300',
  sku: 'a400',
  channel: 'a500',
  offline: 'a600',
  user: 'a700',
  actionType: 'a800',
  campaign: 'a900',
  prize: 'aa00',
  area: 'ab00',
  client: 'b100',
  lead: 'b200',
  action: 'b300',
  document: 'b400',
  comment: 'b500',
} as const;


const LOCATIONS: readonly Omit<SimLocation, '_id' | 'areaId' | 'createdAt'>[] = [
  { name: 'Storedesk Bucuresti Unirii', description: '10:00-22:00', address: 'Bucuresti, Bd. Unirii nr. 1', county: 'Bucuresti', country: 'Romania', coords: [44.4268, 26.1025] },
  { name: 'Storedesk Cluj Iulius', description: '10:00-22:00', address: 'Cluj-Napoca, Str. Alexandru Vaida Voevod nr. 53', county: 'Cluj', country: 'Romania', coords: [46.7712, 23.6236] },
  { name: 'Storedesk Iasi Palas', description: '10:00-22:00', address: 'Iasi, Str. Palas nr. 7', county: 'Iasi', country: 'Romania', coords: [47.1585, 27.6014] },
  { name: 'Storedesk Timisoara Centru', description: '09:00-21:00', address: 'Timisoara, Bd. Revolutiei nr. 5', county: 'Timis', country: 'Romania', coords: [45.7489, 21.2087] },
  { name: 'Storedesk Brasov Coresi', description: '10:00-22:00', address: 'Brasov, Str. Zaharia Stancu nr. 1', county: 'Brasov', country: 'Romania', coords: [45.6427, 25.5887] },
  { name: 'Storedesk Constanta City Park', description: '10:00-22:00', address: 'Constanta, Bd. Alexandru Lapusneanu nr. 116', county: 'Constanta', country: 'Romania', coords: [44.1598, 28.6348] },
];

const CATEGORIES = ['Kitchen appliances', 'Home electronics', 'Furniture', 'Garden & outdoor'];

const OFFERS: readonly { name: string; price: number; category: number }[] = [
  { name: 'Induction hob 60 cm', price: 1899, category: 0 },
  { name: 'Built-in oven', price: 2499, category: 0 },
  { name: 'Dishwasher 45 cm', price: 1799, category: 0 },
  { name: 'OLED TV 55"', price: 5999, category: 1 },
  { name: 'Soundbar 3.1', price: 1299, category: 1 },
  { name: 'Laptop 14"', price: 3899, category: 1 },
  { name: 'Corner sofa', price: 4599, category: 2 },
  { name: 'Wardrobe 3 doors', price: 2299, category: 2 },
  { name: 'Dining set 6 chairs', price: 3199, category: 2 },
  { name: 'Robotic lawn mower', price: 4299, category: 3 },
  { name: 'Garden lounge set', price: 2799, category: 3 },
  { name: 'Pressure washer', price: 899, category: 3 },
];

const CHANNELS: readonly Omit<SimChannel, '_id'>[] = [
  { name: 'In-store walk-in', mediaType: 'Owned Media' },
  { name: 'Facebook', mediaType: 'Paid Media' },
  { name: 'Google Ads', mediaType: 'Paid Media' },
  { name: 'Radio', mediaType: 'Paid Media' },
  { name: 'Recommendation', mediaType: 'Earned Media' },
];

const ACTION_TYPES = ['Phone call', 'Store visit', 'Offer sent', 'Follow-up e-mail', 'Contract signed'];

const FIRST = ['Alexandru', 'Maria', 'Ion', 'Elena', 'Andrei', 'Ioana', 'Mihai', 'Cristina', 'Gabriel', 'Diana', 'Stefan', 'Alina', 'Florin', 'Roxana', 'Vlad', 'Bianca', 'Sorin', 'Carmen', 'Dan', 'Irina'];
const LAST = ['Popa', 'Radu', 'Stoica', 'Munteanu', 'Matei', 'Constantin', 'Ciobanu', 'Moldovan', 'Lazar', 'Ilie', 'Florea', 'Barbu', 'Nistor', 'Dobre', 'Tudor', 'Enache'];
const CONSULTANTS: readonly [string, string][] = [
  ['Laura', 'Petrescu'],
  ['Cosmin', 'Vasile'],
  ['Monica', 'Serban'],
  ['Adrian', 'Toma'],
  ['Raluca', 'Neagu'],
  ['Bogdan', 'Marinescu'],
  ['Oana', 'Preda'],
  ['Victor', 'Dinu'],
];

/** Weighted so that a pipeline looks plausible; every status appears within the first six leads. */
const STATUS_CYCLE: readonly SimLeadStatus[] = [
  'prospect', 'lead', 'sale_lead', 'opportunity', 'customer', 'lost',
  'lead', 'lead', 'sale_lead', 'opportunity', 'customer', 'lead', 'sale_lead', 'prospect', 'lead', 'opportunity', 'customer', 'lost', 'lead', 'sale_lead',
];

/** Demo identifiers tests, e2e journeys and the README can rely on. */
export const FOOTPRINTS_DEMO = {
  locationIds: LOCATIONS.map((_, i) => objectId(KIND.location, i + 1)),
  offerCategoryIds: CATEGORIES.map((_, i) => objectId(KIND.category, i + 1)),
  offerIds: OFFERS.map((_, i) => objectId(KIND.offer, i + 1)),
  channelIds: CHANNELS.map((_, i) => objectId(KIND.channel, i + 1)),
  consultantIds: CONSULTANTS.map((_, i) => objectId(KIND.user, i + 1)),
  actionTypeIds: ACTION_TYPES.map((_, i) => objectId(KIND.actionType, i + 1)),
  offlineCampaignIds: [1, 2, 3].map((i) => objectId(KIND.offline, i)),
  campaigns: {
    /** Active: started 30 days ago, ends in 60, codes expire in 90. */
    spring: 'sdspring01a',
    /** Active: started 10 days ago, ends in 20, codes expire in 45. */
    family: 'sdfamily02b',
    /** Past: ended 100 days ago, codes expired 40 days ago. */
    winter: 'sdwinter00c',
    /** Still active (ends in 5 days) but its codes expired yesterday, like the docs' "Demo Campaign 4". */
    flash: 'sdflash03d',
    /** Ended 15 days ago, codes valid 15 days more: off the active list, still checkable at the desk. */
    autumn: 'sdautumn04e',
  },
  customVariables: ['preferredStore', 'visitReason', 'loyaltyCardNumber'],
  templates: ['irqm1350re7pw', 'sd-contract-copy', 'sd-offer-copy'],
  /** Lead ids of the demo people (DEMO_PEOPLE order): one each, plus a second, signed one for Ana. */
  demoLeadIds: DEMO_PEOPLE.map((_, i) => objectId(KIND.lead, 0xd001 + i)),
  anaCustomerLeadId: objectId(KIND.lead, 0xd101),
  /**
   * Codes of the demo people: [person index, campaign key, status, code]. Expired = in `winter` or `flash`.
   */
  codes: [
    [0, 'spring', 'associated', 'SPRANA01'],
    [0, 'winter', 'redeemed', 'WINANA01'],
    [0, 'flash', 'associated', 'FLSANA01'],
    [1, 'spring', 'redeemed', 'SPRMIH01'],
    [1, 'family', 'associated', 'FAMMIH01'],
    [2, 'spring', 'blocked', 'SPRELE01'],
    [2, 'family', 'associated', 'FAMELE01'],
    [3, 'spring', 'associated', 'SPRAND01'],
    [3, 'winter', 'associated', 'WINAND01'],
    [4, 'family', 'redeemed', 'FAMIOA01'],
    [4, 'spring', 'associated', 'SPRIOA01'],
    [5, 'family', 'blocked', 'FAMRAD01'],
    [5, 'spring', 'associated', 'SPRRAD01'],
    [1, 'autumn', 'associated', 'AUTMIH01'],
  ] as const satisfies readonly (readonly [number, 'spring' | 'family' | 'winter' | 'flash' | 'autumn', SimCodeStatus, string])[],
} as const;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function buildSeed(now: Date, leadCount: number): SimState {
  const rand = mulberry32(0x5eed_f00d);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const created = addDays(now, -400);

  const locations: SimLocation[] = LOCATIONS.map((l, i) => ({
    ...l,
    _id: FOOTPRINTS_DEMO.locationIds[i],
    areaId: objectId(KIND.area, 1 + (i % 2)),
    createdAt: created,
  }));
  const offerCategories: SimOfferCategory[] = CATEGORIES.map((name, i) => ({
    _id: FOOTPRINTS_DEMO.offerCategoryIds[i],
    name,
    locationIds: locations.map((l) => l._id),
  }));
  const offers: SimOffer[] = OFFERS.map((o, i) => ({
    _id: FOOTPRINTS_DEMO.offerIds[i],
    name: o.name,
    price: o.price,
    externalId: `OF${String(i + 1).padStart(4, '0')}`,
    offerCategoryId: offerCategories[o.category]._id,
  }));
  const skus: SimSku[] = [];
  offers.forEach((offer, i) => {
    const variants = 2 + (i % 2);
    for (let v = 0; v < variants; v++) {
      skus.push({
        _id: objectId(KIND.sku, skus.length + 1),
        name: `${offer.name} ${['standard', 'premium', 'pro'][v]}`,
        price: Math.round(offer.price * (1 + v * 0.15)),
        externalId: `SKU${String(skus.length + 1).padStart(5, '0')}`,
        quantity: 1,
        offerId: offer._id,
      });
    }
  });
  const channels: SimChannel[] = CHANNELS.map((c, i) => ({ ...c, _id: FOOTPRINTS_DEMO.channelIds[i] }));
  const offlineCampaigns: SimOfflineCampaign[] = [
    { name: 'Spring catalogue flyer', start: -60, end: 30, budget: 15000 },
    { name: 'Mall weekend stand', start: -20, end: 10, budget: 5000 },
    { name: 'Black Friday in store', start: -200, end: -180, budget: 40000 },
  ].map((c, i) => ({
    _id: FOOTPRINTS_DEMO.offlineCampaignIds[i],
    locationId: locations[i]._id,
    name: c.name,
    description: '',
    budget: c.budget,
    startDate: addDays(now, c.start),
    endDate: addDays(now, c.end),
    createdAt: addDays(now, c.start - 5),
  }));
  const businessUsers: SimBusinessUser[] = CONSULTANTS.map(([firstName, lastName], i) => ({
    _id: FOOTPRINTS_DEMO.consultantIds[i],
    firstName,
    lastName,
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@storedesk.example.com`,
    phone: `0210000${String(100 + i)}`,
    groupRole: 'sales',
    role: 'consultant',
    locationIds: [locations[i % locations.length]._id, locations[(i + 3) % locations.length]._id],
    offerCategoryIds: offerCategories.filter((_, c) => c % 2 === i % 2 || i === 0).map((c) => c._id),
  }));
  // The hostess of one store (lib/sandbox/demo-staff.ts): a business user of that store only.
  businessUsers.push({
    _id: DEMO_STORE_HOSTESS.hostessId,
    firstName: 'Elena',
    lastName: 'Hostess',
    email: 'elena.hostess@storedesk.example.com',
    phone: '0210000199',
    groupRole: 'sales',
    role: 'hostess',
    locationIds: [locations[DEMO_STORE_HOSTESS.locationIndex]._id],
    offerCategoryIds: offerCategories.map((c) => c._id),
  });
  const actionTypes: SimActionType[] = ACTION_TYPES.map((name, i) => ({
    _id: FOOTPRINTS_DEMO.actionTypeIds[i],
    name,
    createdAt: created,
  }));

  const state: SimState = {
    locations,
    offerCategories,
    offers,
    skus,
    channels,
    offlineCampaigns,
    businessUsers,
    actionTypes,
    customVariables: [...FOOTPRINTS_DEMO.customVariables],
    templates: [...FOOTPRINTS_DEMO.templates],
    clients: new Map(),
    leads: new Map(),
    actions: new Map(),
    documents: [],
    campaigns: [],
    codes: new Map(),
    notifications: [],
    tokens: new Map(),
    nextId: 0x100000,
  };

  let clientSeq = 0;
  let actionSeq = 0;
  let commentSeq = 0;
  let documentSeq = 0;
  const addClient = (c: Omit<SimClient, '_id' | 'profile' | 'marketingChannels' | 'interests' | 'preferences' | 'kidsAge' | 'customDetails' | 'updatedAt'> & Partial<SimClient>): SimClient => {
    clientSeq += 1;
    const client: SimClient = {
      _id: objectId(KIND.client, clientSeq),
      profile: {},
      marketingChannels: [],
      interests: [],
      preferences: [],
      kidsAge: [],
      customDetails: {},
      updatedAt: c.createdAt,
      ...c,
    };
    state.clients.set(client._id, client);
    return client;
  };

  const addLead = (id: string, client: SimClient, status: SimLeadStatus, createdAt: Date, opts: { location: number; offer: number; consultant?: number; channel: number }): SimLead => {
    const offer = offers[opts.offer];
    const offerSkus = skus.filter((s) => s.offerId === offer._id);
    const sku = status === 'customer' || status === 'opportunity' ? offerSkus[createdAt.getUTCDate() % offerSkus.length] : undefined;
    const changedAt = addDays(createdAt, status === 'lead' ? 0 : Math.min(3, Math.max(0, (now.getTime() - createdAt.getTime()) / 86_400_000 - 0.01)));
    const lead: SimLead = {
      _id: id,
      source: 'lead',
      clientId: client._id,
      status,
      person: {
        userFirstName: client.userFirstName ?? '',
        userLastName: client.userLastName ?? '',
        userEmail: client.userEmail ?? '',
        userPhone: client.userPhone ?? '',
        userCountry: 'Romania',
        agreeTandc: true,
        agreePrivacy: true,
        isAdult: true,
        ...(typeof client.profile.userCity === 'string' ? { userCity: client.profile.userCity } : {}),
        ...(typeof client.profile.userCounty === 'string' ? { userCounty: client.profile.userCounty } : {}),
      },
      offerCategoryId: offer.offerCategoryId,
      offerId: offer._id,
      locationId: locations[opts.location]._id,
      consultantId: opts.consultant === undefined ? undefined : businessUsers[opts.consultant]._id,
      channelId: channels[opts.channel]._id,
      skuId: sku?._id,
      skuExternalId: sku?.externalId,
      tags: [],
      marketingChannels: [
        { channel: 'email', type: 'owner', agreed: true },
        { channel: 'sms', type: 'owner', agreed: (clientSeq + opts.offer) % 3 !== 0 },
      ],
      customDetails: {},
      customVariables: {},
      npsHistory: [],
      statusHistory: status === 'lead' ? [{ status: 'lead', at: createdAt }] : [{ status: 'lead', at: createdAt }, { status, at: changedAt }],
      createdAt,
      updatedAt: changedAt,
      timestampStatusChange: changedAt,
    };
    if (status === 'customer') {
      lead.contract = {
        contractId: objectId(KIND.document, 0x800000 + state.leads.size),
        contractNumber: `SD-${createdAt.getUTCFullYear()}-${String(state.leads.size + 1).padStart(5, '0')}`,
        contractValue: String(sku?.price ?? offer.price),
        contractDate: changedAt.toISOString().slice(0, 10),
        contractDescription: offer.name,
      };
      documentSeq += 1;
      state.documents.push({
        _id: objectId(KIND.document, documentSeq),
        leadId: id,
        documentType: 'contracts',
        filename: `${lead.contract.contractNumber}.pdf`,
        contentType: 'application/pdf',
        size: 48_213,
        uploadedAt: changedAt,
      });
      const nps = 6 + ((state.leads.size * 7) % 5);
      lead.nps = nps;
      lead.npsHistory.push({ nps, comment: nps >= 9 ? 'Very helpful staff' : undefined, at: changedAt });
    }
    if (status === 'lost') {
      commentSeq += 1;
      lead.lost = {
        reasonLost: SIM_LOST_REASONS[state.leads.size % SIM_LOST_REASONS.length],
        comment: 'Recorded by the store manager',
        commentId: objectId(KIND.comment, commentSeq),
        at: changedAt,
      };
    }
    state.leads.set(id, lead);
    // A short timeline: the first contact, and for leads further down the pipeline a follow-up.
    const timeline = status === 'lead' || status === 'prospect' ? 1 : 2;
    for (let a = 0; a < timeline; a++) {
      actionSeq += 1;
      const at = addDays(createdAt, a);
      const action: SimLeadAction = {
        _id: objectId(KIND.action, actionSeq),
        leadId: id,
        leadActionTypeId: actionTypes[a === 0 ? 1 : status === 'customer' ? 4 : 2]._id,
        actionDetail: a === 0 ? 'First visit in store' : status === 'customer' ? 'Contract signed in store' : 'Offer sent by e-mail',
        date: at > now ? now : at,
        createdAt: at > now ? now : at,
        updatedAt: at > now ? now : at,
      };
      state.actions.set(action._id, action);
    }
    return lead;
  };

  // The demo people: clients with leads, found by e-mail + phone at every loyalty and customer endpoint.
  const demoStatuses: SimLeadStatus[] = ['lead', 'sale_lead', 'opportunity', 'customer', 'prospect', 'lost'];
  const demoClients = DEMO_PEOPLE.map((p, i) => {
    const client = addClient({
      userFirstName: p.firstName,
      userLastName: p.lastName,
      userEmail: p.email,
      userPhone: p.phone,
      userExternalId: `SD-CLIENT-${String(i + 1).padStart(4, '0')}`,
      createdAt: addDays(now, -120 + i),
    });
    client.profile = { userCity: p.city, userCounty: p.county, userCountry: 'Romania' };
    client.marketingChannels = [
      { channel: 'email', type: 'owner', agreed: true },
      { channel: 'sms', type: 'owner', agreed: i % 2 === 0 },
    ];
    client.interests = ['home'];
    return client;
  });
  demoClients.forEach((client, i) => {
    const lead = addLead(FOOTPRINTS_DEMO.demoLeadIds[i], client, demoStatuses[i], addDays(now, -2 - i * 3), {
      location: i % locations.length,
      offer: (i * 2) % offers.length,
      consultant: i % businessUsers.length,
      channel: 0,
    });
    if (lead.status === 'lost' && lead.lost) lead.lost.reasonLost = 'price_too_high';
  });
  addLead(FOOTPRINTS_DEMO.anaCustomerLeadId, demoClients[0], 'customer', addDays(now, -60), { location: 0, offer: 3, consultant: 0, channel: 1 });

  // The chain's other leads: one client each, a few returning clients with a second lead.
  const generatedClients: SimClient[] = [];
  for (let i = 0; i < leadCount; i++) {
    const returning = i > 20 && i % 17 === 0 ? generatedClients[int(0, generatedClients.length - 1)] : undefined;
    let client = returning;
    if (!client) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const loc = locations[i % locations.length];
      client = addClient({
        userFirstName: first,
        userLastName: last,
        userEmail: `${first}.${last}.${i + 1}@example.net`.toLowerCase(),
        userPhone: `07${String(40_000_000 + i * 7 + int(0, 6)).padStart(8, '0')}`,
        userExternalId: `SD-CLIENT-${String(1000 + i).padStart(6, '0')}`,
        createdAt: addDays(now, -int(5, 380)),
      });
      client.profile = { userCity: loc.address.split(',')[0], userCounty: loc.county, userCountry: 'Romania' };
      generatedClients.push(client);
    }
    const status = STATUS_CYCLE[i % STATUS_CYCLE.length];
    const age = int(0, 179) + rand();
    const lead = addLead(objectId(KIND.lead, i + 1), client, status, addDays(now, -age), {
      location: int(0, locations.length - 1),
      offer: int(0, offers.length - 1),
      // One lead in twelve has no consultant yet: GET /api/lead leaves it out, as documented.
      consultant: i % 12 === 11 ? undefined : int(0, businessUsers.length - 1),
      channel: int(0, channels.length - 1),
    });
    if (i % 9 === 0) lead.tags.push('vip');
    if (i % 5 === 0) lead.customVariables.visitReason = pick(['renovation', 'moving', 'replacement', 'gift']);
  }

  // Loyalty campaigns and codes, each allocated by one of the demo hostesses.
  const campaignDefs: { key: keyof typeof FOOTPRINTS_DEMO.campaigns; name: string; start: number; end: number; expire: number; location: number; type: 'instant' | 'standard' }[] = [
    { key: 'spring', name: 'Spring Rewards', start: -30, end: 60, expire: 90, location: 0, type: 'instant' },
    { key: 'family', name: 'Loyal Family', start: -10, end: 20, expire: 45, location: 1, type: 'standard' },
    { key: 'winter', name: 'Winter Gifts', start: -200, end: -100, expire: -40, location: 0, type: 'standard' },
    { key: 'flash', name: 'Flash Weekend', start: -20, end: 5, expire: -1, location: 2, type: 'instant' },
    // Last, so that the generated codes of the campaigns above stay what they were.
    { key: 'autumn', name: 'Autumn Vouchers', start: -75, end: -15, expire: 15, location: 1, type: 'standard' },
  ];
  let prizeSeq = 0;
  const campaignsByKey = new Map<string, SimCampaign>();
  campaignDefs.forEach((d, i) => {
    const prizeTypes = ['Voucher 50 RON', 'Voucher 100 RON', 'Free delivery'].slice(0, 2 + (i % 2)).map((name, p) => {
      prizeSeq += 1;
      return { _id: objectId(KIND.prize, prizeSeq), name, totalCodes: 200, pointsValue: (p + 1) * 10 };
    });
    const campaign: SimCampaign = {
      _id: objectId(KIND.campaign, i + 1),
      internalId: FOOTPRINTS_DEMO.campaigns[d.key],
      name: d.name,
      locationId: locations[d.location]._id,
      startDate: addDays(now, d.start),
      endDate: addDays(now, d.end),
      expireCodesDate: addDays(now, d.expire),
      createdAt: addDays(now, d.start - 2),
      loyaltyType: d.type,
      codeLength: 8,
      prizeTypes,
    };
    state.campaigns.push(campaign);
    campaignsByKey.set(d.key, campaign);
  });

  const addCode = (code: string, campaign: SimCampaign, client: SimClient, status: SimCodeStatus, n: number) => {
    const createdAt = new Date(Math.min(campaign.startDate.getTime() + ((n * 37) % 9) * 86_400_000 + 3_600_000, now.getTime()));
    const updatedAt = status === 'associated' ? createdAt : new Date(Math.min(createdAt.getTime() + 2 * 86_400_000, now.getTime()));
    state.codes.set(code, {
      code,
      campaignId: campaign._id,
      clientId: client._id,
      status,
      prizeTypeId: campaign.prizeTypes[n % campaign.prizeTypes.length]._id,
      hostessId: DEMO_HOSTESSES[n % DEMO_HOSTESSES.length].hostessId,
      createdAt,
      updatedAt,
    } satisfies SimCode);
  };
  FOOTPRINTS_DEMO.codes.forEach(([person, key, status, code], n) => {
    const campaign = campaignsByKey.get(key);
    if (campaign) addCode(code, campaign, demoClients[person], status, n);
  });
  const codeStatuses: SimCodeStatus[] = ['associated', 'associated', 'redeemed', 'associated', 'blocked', 'redeemed', 'associated'];
  state.campaigns.forEach((campaign, c) => {
    const count = Math.min(generatedClients.length, 45);
    for (let k = 0; k < count; k++) {
      const client = generatedClients[(k * 5 + c * 11) % generatedClients.length];
      let code = '';
      do {
        code = Array.from({ length: campaign.codeLength }, () => CODE_ALPHABET[Math.floor(rand() * CODE_ALPHABET.length)]).join('');
      } while (state.codes.has(code));
      addCode(code, campaign, client, codeStatuses[(k + c) % codeStatuses.length], k + c);
    }
  });

  return state;
}
