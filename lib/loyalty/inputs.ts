/**
 * The loyalty desk's input schemas: the same zod schema validates the form (browser) and the action (server).
 */
import { z } from 'zod';
import { BLOCK_REASONS } from './rules';

/** A request id from the confirmation dialog: a retry of the same click carries the same id. */
export const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Invalid request id');

const campaignId = z.string().trim().min(1, 'Choose a campaign').max(100);
const email = z
  .string()
  .trim()
  .min(1, 'Enter the customer’s e-mail')
  .max(254)
  .pipe(z.email({ message: 'Enter a valid e-mail address' }))
  .transform((v) => v.toLowerCase());
/** Spaces, dots, dashes and brackets are typing habits, not part of the number. */
const phone = z
  .string()
  .trim()
  .min(1, 'Enter the customer’s phone')
  .max(32)
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+?\d{6,15}$/, 'Enter a phone number (digits, may start with +)'));
const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Invalid code')
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
  reason: z.enum(BLOCK_REASONS, { message: 'Choose why the code is blocked' }),
  note: z.string().trim().max(500, 'Keep the note under 500 characters').optional(),
}).superRefine((v, ctx) => {
  if (v.reason === 'other' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Write a short note for “Other”' });
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
export const ExportCodesInputSchema = CodeListFilterSchema.omit({ page: true }).extend({ format: z.literal('csv') });
