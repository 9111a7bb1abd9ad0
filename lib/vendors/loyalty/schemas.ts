/**
 * zod schemas of the ES Loyalty answers (docs/loyalty-send-activity.txt). The docs give tables, not JSON,
 * so fixtures/ holds answers built from those tables; the schemas accept unknown extra fields.
 */
import { z } from 'zod';

/** Points as a number, or a numeric string. */
const pointsNumber = z.union([
  z.number().finite(),
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?\s*$/, 'a number')
    .transform((s) => Number(s)),
]);

export const LoyaltyPointsSchema = z.looseObject({
  base: pointsNumber.default(0),
  bonus: pointsNumber.default(0),
  targeted: pointsNumber.default(0),
  total: pointsNumber,
});
export type LoyaltyPointsWire = z.infer<typeof LoyaltyPointsSchema>;

/** `earned[BU]`: "loyalty" points, and possibly other reward types the console does not read. */
export const EarnedInUnitSchema = z.looseObject({ loyalty: LoyaltyPointsSchema.optional() });

export const SendActivityResponseSchema = z.looseObject({
  activityId: z.string().min(1),
  type: z.string(),
  // Nothing earned may come as an empty object, null or no key at all.
  earned: z
    .record(z.string(), EarnedInUnitSchema)
    .nullish()
    .transform((v) => v ?? {}),
});
export type SendActivityResponse = z.infer<typeof SendActivityResponseSchema>;

export const LoyaltyErrorSchema = z.looseObject({
  statusCode: z.union([z.number(), z.string()]).optional(),
  errorMessage: z.string(),
  errorCode: z.string().optional(),
});

export const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z
    .string()
    .refine((t) => t.toLowerCase() === 'bearer', 'token_type must be Bearer')
    .optional(),
  expires_in: z
    .union([z.number().nonnegative(), z.string().regex(/^\d+$/).transform(Number)])
    .optional(),
});

export const OAuthErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
});
