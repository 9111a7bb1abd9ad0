/**
 * The one status rule of the pipeline (pure: the board, the dialogs and the server-side use case all read
 * it, so drag, menu, bulk, the detail page and a crafted action call are held to the same thing):
 *   - to `customer`: contract number, value, date and description, and at least one contract PDF uploaded;
 *   - to `lost`: one of the nine documented reasons (a comment is taken, optional);
 *   - to any other status: nothing.
 */
import { z } from 'zod';
import { isIsoDay } from '@/lib/dates';
import { LOST_REASONS, requirementFor, type LeadStatus, type MoveRequirement } from './status-labels';

export { LEAD_STATUSES, LOST_REASONS, requirementFor, type LeadStatus, type LostReason, type MoveRequirement } from './status-labels';

/** The contract a lead needs to become a customer (the form's schema and the action's). */
export const ContractSchema = z.object({
  contractNumber: z.string().trim().min(1, 'Enter the contract number').max(100),
  contractValue: z
    .string()
    .trim()
    .min(1, 'Enter the contract value')
    .regex(/^\d+(\.\d{1,2})?$/, 'A number, e.g. 12500 or 12500.50'),
  contractDate: z.string().trim().refine(isIsoDay, 'A date (YYYY-MM-DD)'),
  contractDescription: z.string().trim().min(1, 'Describe the contract').max(1000),
});
export type Contract = z.infer<typeof ContractSchema>;

export const LostSchema = z.object({
  reasonLost: z.enum(LOST_REASONS, { message: 'Choose one of the reasons' }),
  comment: z.string().trim().max(1000).optional(),
});
export type LostDetails = z.infer<typeof LostSchema>;

export interface MoveRequest {
  from: LeadStatus;
  to: LeadStatus;
  contract?: Partial<Record<keyof Contract, unknown>> | null;
  lost?: Partial<Record<keyof LostDetails, unknown>> | null;
  /** Contract PDFs already uploaded for this lead (recorded by the console). */
  contractPdfCount: number;
}

export type MoveDecision =
  | { ok: true; requirement: MoveRequirement; noop: boolean; contract?: Contract; lost?: LostDetails }
  | { ok: false; requirement: MoveRequirement; message: string; fieldErrors: Record<string, string[]> };

export const CONTRACT_PDF_MISSING = 'Upload at least one signed contract PDF before moving the lead to customer.';

/** Decides whether a move may go to Footprints, and with what. */
export function decideMove(req: MoveRequest): MoveDecision {
  const requirement = requirementFor(req.to);
  if (req.from === req.to) return { ok: true, requirement, noop: true };
  if (requirement === 'contract') {
    const fieldErrors: Record<string, string[]> = {};
    const parsed = ContractSchema.safeParse(req.contract ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) (fieldErrors[`contract.${String(issue.path[0])}`] ??= []).push(issue.message);
    }
    if (req.contractPdfCount < 1) fieldErrors.contractPdf = [CONTRACT_PDF_MISSING];
    if (!parsed.success || req.contractPdfCount < 1) {
      return {
        ok: false,
        requirement,
        message: 'A customer needs the contract number, value, date and description, and at least one contract PDF.',
        fieldErrors,
      };
    }
    return { ok: true, requirement, noop: false, contract: parsed.data };
  }
  if (requirement === 'lostReason') {
    const parsed = LostSchema.safeParse(req.lost ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        requirement,
        message: 'A lost lead needs one of the nine reasons.',
        fieldErrors: { 'lost.reasonLost': ['Choose one of the reasons'] },
      };
    }
    return { ok: true, requirement, noop: false, lost: { reasonLost: parsed.data.reasonLost, comment: parsed.data.comment || undefined } };
  }
  return { ok: true, requirement, noop: false };
}
