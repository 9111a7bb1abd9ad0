/** The catalogues: offer categories, offers and SKUs (paged), locations, offline campaigns, business users, channels. */
import 'server-only';
import { z } from 'zod';
import type { Page } from './client';
import {
  BusinessUserSchema,
  ChannelSchema,
  LocationSchema,
  OfferCategorySchema,
  OfferSchema,
  OfflineCampaignSchema,
  SkuSchema,
  type BusinessUser,
  type Channel,
  type Location,
  type Offer,
  type OfferCategory,
  type OfflineCampaign,
  type Sku,
} from './schemas';
import type { FootprintsTransport } from './transport';

const MAX_CATALOGUE_PAGES = 100;

export interface CataloguesApi {
  listOfferCategories(accessToken: string, options?: { page?: number }): Promise<Page<OfferCategory>>;
  listOffers(accessToken: string, options?: { page?: number }): Promise<Page<Offer>>;
  listSkus(accessToken: string, options?: { page?: number }): Promise<Page<Sku>>;
  /** Every page of a paged catalogue (follows X-Total-Pages; stops at an empty page or after 100 pages). */
  listAll(accessToken: string, catalogue: 'offerCategories'): Promise<OfferCategory[]>;
  listAll(accessToken: string, catalogue: 'offers'): Promise<Offer[]>;
  listAll(accessToken: string, catalogue: 'skus'): Promise<Sku[]>;
  listLocations(accessToken: string, filter?: { countryName?: string; countyName?: string }): Promise<Location[]>;
  listOfflineCampaigns(accessToken: string): Promise<OfflineCampaign[]>;
  listBusinessUsers(accessToken: string): Promise<BusinessUser[]>;
  listChannels(accessToken: string): Promise<Channel[]>;
}

export function cataloguesApi(t: FootprintsTransport): CataloguesApi {
  const { call, pagedList } = t;

  const catalogues = {
    offerCategories: { operation: 'listOfferCategories', path: '/api/offerCategory', schema: OfferCategorySchema },
    offers: { operation: 'listOffers', path: '/api/offer', schema: OfferSchema },
    skus: { operation: 'listSkus', path: '/api/sku', schema: SkuSchema },
  } as const;

  async function listAll(accessToken: string, catalogue: keyof typeof catalogues): Promise<never[]> {
    const { operation, path, schema } = catalogues[catalogue];
    const all: unknown[] = [];
    for (let page = 1; page <= MAX_CATALOGUE_PAGES; page++) {
      const res = await pagedList(operation, path, accessToken, schema, page);
      all.push(...res.items);
      if (res.items.length === 0 || (res.totalPages !== undefined && page >= res.totalPages)) break;
    }
    return all as never[];
  }

  return {
    listOfferCategories: (accessToken, opts = {}) => pagedList('listOfferCategories', '/api/offerCategory', accessToken, OfferCategorySchema, opts.page),
    listOffers: (accessToken, opts = {}) => pagedList('listOffers', '/api/offer', accessToken, OfferSchema, opts.page),
    listSkus: (accessToken, opts = {}) => pagedList('listSkus', '/api/sku', accessToken, SkuSchema, opts.page),
    listAll: listAll as CataloguesApi['listAll'],

    listLocations: (accessToken, filter = {}) =>
      call({
        operation: 'listLocations',
        method: 'GET',
        path: '/api/location',
        accessToken,
        query: { country_name: filter.countryName, county_name: filter.countyName },
        schema: z.array(LocationSchema),
      }),
    listOfflineCampaigns: (accessToken) =>
      call({ operation: 'listOfflineCampaigns', method: 'GET', path: '/api/offlineCampaign', accessToken, schema: z.array(OfflineCampaignSchema) }),
    listBusinessUsers: (accessToken) =>
      call({ operation: 'listBusinessUsers', method: 'GET', path: '/api/business-users', accessToken, schema: z.array(BusinessUserSchema) }),
    listChannels: (accessToken) => call({ operation: 'listChannels', method: 'GET', path: '/api/channels', accessToken, schema: z.array(ChannelSchema) }),
  };
}
