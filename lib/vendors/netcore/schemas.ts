/**
 * zod schemas of Netcore's answers, written to accept every sample in docs/netcore-*.txt (see fixtures/)
 * and unknown extra fields, and to reject what the console could not use. No `server-only` here: the
 * fixtures test imports the schemas alone.
 */
import { z } from 'zod';

/** A count sent as a number or as a numeric string ("12"). */
const countSchema = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\s*\d+\s*$/, 'a count')
    .transform((s) => Number(s.trim())),
]);

export const UploadFailureSchema = z.looseObject({
  status: z.string().optional(),
  code: z.union([z.number(), z.string()]).optional(),
  error: z.union([z.string(), z.number()]).optional(),
  record: z.unknown().optional(),
});

export interface UploadFailure {
  /** The vendor's error code for the record, as a string (e.g. "400"). */
  code?: string;
  /** The vendor's message for the record (never echoes the record itself). */
  error?: string;
}

function toFailure(value: unknown): UploadFailure {
  const parsed = UploadFailureSchema.safeParse(value);
  if (!parsed.success) return {};
  const { code, error } = parsed.data;
  return { code: code === undefined ? undefined : String(code), error: error === undefined ? undefined : String(error) };
}

/**
 * `failed_count` in every form we accept: a number, a numeric string, an array of failures, or — as the
 * docs print it — a string holding that array. The docs' own sample of that string is not valid JSON
 * (placeholders, a trailing comma), so when it cannot be parsed, the failures are counted by their
 * `"status":"fail"` markers rather than refused.
 */
export const FailedCountSchema = z.union([z.number(), z.string(), z.array(z.unknown())]).transform((value, ctx) => {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) {
      ctx.addIssue({ code: 'custom', message: 'failed_count must be a count' });
      return z.NEVER;
    }
    return { count: value, failures: [] as UploadFailure[] };
  }
  if (Array.isArray(value)) return { count: value.length, failures: value.map(toFailure) };
  const text = value.trim();
  if (/^\d+$/.test(text)) return { count: Number(text), failures: [] as UploadFailure[] };
  if (text === '') return { count: 0, failures: [] as UploadFailure[] };
  try {
    const inner: unknown = JSON.parse(text);
    if (Array.isArray(inner)) return { count: inner.length, failures: inner.map(toFailure) };
    if (typeof inner === 'number' && Number.isInteger(inner) && inner >= 0) return { count: inner, failures: [] as UploadFailure[] };
  } catch {
    /* the documented, invalid form: count the markers below */
  }
  if (text.startsWith('[')) {
    const count = (text.match(/"status"\s*:\s*"fail"/g) ?? []).length;
    return { count, failures: Array.from({ length: count }, () => ({}) as UploadFailure) };
  }
  ctx.addIssue({ code: 'custom', message: 'failed_count is neither a count nor a list of failures' });
  return z.NEVER;
});

export const UploadSuccessSchema = z.looseObject({
  status: z.string().refine((s) => s.toLowerCase() === 'success', 'status must be "success"'),
  success_count: countSchema,
  failed_count: FailedCountSchema.optional(),
});
export type UploadSuccess = z.infer<typeof UploadSuccessSchema>;

export const ContactAddSuccessSchema = z.looseObject({
  requestid: z.union([z.string(), z.number()]).transform(String),
  result: z.string().refine((s) => s.toLowerCase() === 'success', 'result must be "Success"'),
});
export type ContactAddSuccess = z.infer<typeof ContactAddSuccessSchema>;

/** apiv2's error body (docs: contact sync "Response 2: 302 ERROR"). */
export const ApiErrorSchema = z.looseObject({
  status: z.literal('error'),
  error_code: z.union([z.number(), z.string()]).optional(),
  details: z.string().optional(),
  message: z.string().optional(),
});

/** The upload endpoint's error body as the sandbox answers it; the docs show codes and messages only. */
export const UploadErrorSchema = z.looseObject({
  status: z.string().optional(),
  code: z.union([z.number(), z.string()]).optional(),
  error: z.string().optional(),
  message: z.string().optional(),
});

const optionalText = z.union([z.string(), z.number()]).transform(String).optional();

export const ChannelActivityEntrySchema = z.looseObject({
  activity: z.string(),
  message_id: z.union([z.number(), z.string()]).optional(),
  msg_name: z.string().optional(),
  activity_date: z.string(),
  ip: optionalText,
  link: optionalText,
  device: optionalText,
  os: optionalText,
  browser: optionalText,
});
export type ChannelActivityEntryWire = z.infer<typeof ChannelActivityEntrySchema>;

export const ChannelActivitySuccessSchema = z.looseObject({
  status: z.literal('success'),
  result: z.looseObject({
    channel_activity: z.array(ChannelActivityEntrySchema),
    from_date: z.union([z.string(), z.number()]).transform(String),
    to_date: z.union([z.string(), z.number()]).transform(String),
    channel: z.string(),
  }),
  details: z.string().optional(),
});
export type ChannelActivitySuccess = z.infer<typeof ChannelActivitySuccessSchema>;
