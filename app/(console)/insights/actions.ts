'use server';

import { z } from 'zod';
import { defineAction, requestLanguage } from '@/lib/auth/action';
import { getConfig } from '@/lib/config';
import { InsightsFiltersSchema } from '@/lib/insights/filters';
import { exportCardCsv } from '@/lib/insights/export-csv';
import { withStoreScope } from '@/lib/insights/sql';
import { CARD_IDS, CSV_VARIANTS } from '@/lib/insights/tables';

const exportCsvSchema = z.object({ card: z.enum(CARD_IDS), filters: InsightsFiltersSchema, variant: z.enum(CSV_VARIANTS).default('localized') });

/**
 * One card's numbers as CSV: the same cells as the card's table view, in the person's language; or the stable
 * machine-readable variant (English keys and codes, plain numbers).
 */
export const exportInsightsCsvAction = defineAction({
  name: 'insights.exportCsv',
  permission: 'insights.view',
  schema: exportCsvSchema,
  handler: async (input, { db, session }) => {
    const locale = await requestLanguage();
    return exportCardCsv(db, input.card, withStoreScope(input.filters, session.stores), getConfig().storeTimezone, new Date(), {
      variant: input.variant,
      locale,
    });
  },
});
