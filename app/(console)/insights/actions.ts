'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { getConfig } from '@/lib/config';
import { InsightsFiltersSchema } from '@/lib/insights/filters';
import { exportCardCsv } from '@/lib/insights/export-csv';
import { withStoreScope } from '@/lib/insights/sql';
import { CARD_IDS } from '@/lib/insights/tables';

const exportCsvSchema = z.object({ card: z.enum(CARD_IDS), filters: InsightsFiltersSchema });

/** One card's numbers as CSV: the same cells as the card's table view. */
export const exportInsightsCsvAction = defineAction({
  name: 'insights.exportCsv',
  permission: 'insights.view',
  schema: exportCsvSchema,
  handler: async (input, { db, session }) => exportCardCsv(db, input.card, withStoreScope(input.filters, session.stores), getConfig().storeTimezone, new Date()),
});
