/**
 * The loyalty desk's input schemas: the same zod schema validates the form (browser) and the action (server).
 * Their sentences are keys of messages "validation.loyalty.*" (`params.word`, lib/staff-words.ts), in the staff's language.
 */
import { z } from 'zod';
import { BLOCK_REASONS } from './rules';

/**
 * A check's sentence as a "validation" key (lib/staff-words.ts reads `params.word` and translates it): zod keeps
 * `params` on every check at run time; its types list them on custom checks only.
 */
const says = (word: string) => ({ params: { word } }) as { error?: undefined };

/** A request id from the confirmation dialog: a retry of the same click carries the same id. */
export const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, says('staleForm'));

const campaignId = z.string().trim().min(1, says('loyalty.campaign')).max(100);
const email = z
  .string()
  .trim()
  .min(1, says('loyalty.customerEmail'))
  .max(254)
  .pipe(z.email())
  .transform((v) => v.toLowerCase());
/** Spaces, dots, dashes and brackets are typing habits, not part of the number. */
const phone = z
  .string()
  .trim()
  .min(1, says('loyalty.customerPhone'))
  .max(32)
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+?\d{6,15}$/, says('loyalty.phone')));
const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, says('loyalty.code'))
  .transform((v) => v.toUpperCase());

export const CustomerSchema = z.object({ email, phone });
export type CustomerInput = z.input<typeof CustomerSchema>;

export const CheckCodeSchema = z.object({ campaignInternalId: campaignId, email, phone });
export type CheckCodeForm = z.input<typeof CheckCodeSchema>;
export type CheckCodeParsed = z.output<typeof CheckCodeSchema>;

export const RedeemCodeSchema = CheckCodeSchema.extend({ code, requestId: RequestIdSchema });
export type RedeemCodeInput = z.input<typeof RedeemCodeSchema>;

export const BlockCodeSchema = CheckCodeSchema.extend({
  code,
  requestId: RequestIdSchema,
  reason: z.enum(BLOCK_REASONS, says('loyalty.reason')),
  note: z.string().trim().max(500).optional(),
}).superRefine((v, ctx) => {
  if (v.reason === 'other' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], params: { word: 'loyalty.note' } });
});
export type BlockCodeInput = z.input<typeof BlockCodeSchema>;

export const CodeRefSchema = z.object({ campaignInternalId: campaignId, code });

export const CodeListFilterSchema = z.object({
  campaignInternalId: z.string().trim().max(100).optional().transform((v) => v || undefined),
  searchTerm: z.string().trim().max(64).optional().transform((v) => v || undefined),
  page: z.number().int().min(1).max(100_000).default(1),
});
export type CodeListFilter = z.input<typeof CodeListFilterSchema>;

/** The picker's two listings. */
export const ActiveCampaignsInputSchema = z.object({ scope: z.literal('active') });
export const AllCampaignsInputSchema = z.object({ scope: z.literal('all') });

export const ListCodesInputSchema = CodeListFilterSchema.extend({ page: z.number().int().min(1).max(100_000) });
export const ExportCodesInputSchema = CodeListFilterSchema.omit({ page: true }).extend({
  format: z.literal('csv'),
  /** The CSV's first line: column names in the person's language ('words', default) or the stable English keys ('keys', for programs). */
  headers: z.enum(['words', 'keys']).default('words'),
});
