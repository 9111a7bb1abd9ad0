/**
 * What every Footprints resource file shares: the Basic key, the refusal of a call the docs would refuse
 * (before the network), the one request function (access token in the query string as documented, secrets
 * scrubbed, failures logged) and paging. Built once per client by createFootprintsClient.
 */
import 'server-only';
import { z } from 'zod';
import { log, registerSecret } from '@/lib/log';
import { VendorError, joinUrl, vendorRequest, type VendorBody } from '@/lib/vendors/http';
import type { FootprintsClientOptions, Page } from './client';
import { ErrorBodySchema } from './schemas';

const OPERATION_PREFIX = 'footprints';

/** Error answers: OAuth ({error, error_description}) or the API's ({status: "error", message, errorCode?}). */
export function describeFootprintsError(status: number, body: unknown): { vendorCode?: string; message: string } {
  const parsed = ErrorBodySchema.safeParse(body);
  let vendorCode: string | undefined;
  let message: string | undefined;
  if (parsed.success) {
    vendorCode = parsed.data.errorCode ?? parsed.data.error ?? undefined;
    message = parsed.data.error_description ?? parsed.data.message ?? parsed.data.error ?? undefined;
  }
  // A raw body (HTML error page, stack trace) is never passed on: only the status.
  return { vendorCode, message: scrubPersonalData(message?.slice(0, 300) || `HTTP ${status}`) };
}

/** E-mail addresses and long digit runs (phones, card numbers) out of anything a vendor says. */
export function scrubPersonalData(text: string): string {
  return text.replace(/[^\s@"'<>,;:]+@[^\s@"'<>,;:]+/g, '[email]').replace(/\+?\d{7,}/g, '[number]');
}

/** Some APIs answer 200 with an error body; Footprints' samples never do, but if it does, it is an error. */
function detectErrorInSuccess(body: unknown): { status: number; vendorCode?: string; message: string } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const status = (body as { status?: unknown }).status;
  if (status !== 'error' && status !== 'fail' && status !== 'failed') return undefined;
  const d = describeFootprintsError(400, body);
  return { status: 400, vendorCode: d.vendorCode, message: d.message };
}

export function headerInt(headers: Headers | undefined, name: string): number | undefined {
  const raw = headers?.get(name);
  if (!raw || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

export function toBytes(content: Uint8Array | ArrayBuffer): Uint8Array {
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

export interface FootprintsCall<S extends z.ZodType> {
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  accessToken?: string;
  query?: Record<string, string | number | undefined>;
  body?: VendorBody;
  headers?: Record<string, string>;
  schema: S;
  /** Values to scrub besides the key, secret and token (PIN, password, e-mail, phone). */
  secrets?: readonly (string | undefined)[];
  /** Receives the answer's headers (pagination). */
  onHeaders?: (headers: Headers) => void;
}

export interface FootprintsTransport {
  /** base64(key:secret) for /api/token. */
  basic: string;
  keySecrets: readonly string[];
  refuse(operation: string, message: string, extraSecrets?: readonly string[]): VendorError;
  encode<T>(operation: string, run: () => T): T;
  check<S extends z.ZodType>(operation: string, schema: S, input: unknown): z.infer<S>;
  call<S extends z.ZodType>(c: FootprintsCall<S>): Promise<z.infer<S>>;
  form(params: URLSearchParams): VendorBody;
  requireId(operation: string, name: string, value: string): void;
  pagedList<S extends z.ZodType>(operation: string, path: string, accessToken: string, schema: S, page?: number): Promise<Page<z.infer<S>>>;
}

export function createFootprintsTransport(options: FootprintsClientOptions): FootprintsTransport {
  const { baseUrl, apiKey, apiSecret, timeoutMs } = options;
  const baseFetch: typeof fetch = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const basic = Buffer.from(`${apiKey}:${apiSecret}`).toString('base64');
  registerSecret(apiKey);
  registerSecret(apiSecret);
  registerSecret(basic);
  const keySecrets = [apiKey, apiSecret, basic];

  const refuse = (operation: string, message: string, extraSecrets: readonly string[] = []) =>
    new VendorError(
      { vendor: 'footprints', operation, status: 0, kind: 'invalid_request', retryable: false, message },
      [...keySecrets, ...extraSecrets],
    );

  /** Runs an encoder; a zod refusal becomes an invalid_request VendorError naming the fields (never values). */
  function encode<T>(operation: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof z.ZodError) {
        const where = error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)
          .join('; ');
        throw refuse(operation, `not sent: ${where}`);
      }
      throw error;
    }
  }

  function check<S extends z.ZodType>(operation: string, schema: S, input: unknown): z.infer<S> {
    return encode(operation, () => schema.parse(input));
  }


  async function call<S extends z.ZodType>(c: FootprintsCall<S>): Promise<z.infer<S>> {
    const params = new URLSearchParams();
    if (c.accessToken !== undefined) params.set('access_token', c.accessToken);
    for (const [k, v] of Object.entries(c.query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
    const qs = params.toString();
    const url = `${joinUrl(baseUrl, c.path)}${qs ? `?${qs}` : ''}`;
    const secrets = [...keySecrets, c.accessToken, ...(c.secrets ?? [])].filter((s): s is string => Boolean(s));
    const fetchImpl: typeof fetch = c.onHeaders
      ? async (input, init) => {
          const res = await baseFetch(input, init);
          c.onHeaders?.(res.headers);
          return res;
        }
      : baseFetch;
    try {
      return await vendorRequest({
        vendor: 'footprints',
        operation: c.operation,
        method: c.method,
        url,
        headers: c.headers,
        body: c.body,
        schema: c.schema,
        timeoutMs,
        secrets,
        describeError: describeFootprintsError,
        detectErrorInSuccess,
        fetchImpl,
      });
    } catch (error) {
      if (error instanceof VendorError) {
        // Retryable failures are the operator's concern; a 404 is usually an answer ("no such customer").
        const level = error.retryable ? 'warn' : error.status === 404 ? 'debug' : 'info';
        log(level, `${OPERATION_PREFIX}.request_failed`, { error: error.toJSON() });
      }
      throw error;
    }
  }

  const form = (params: URLSearchParams): VendorBody => ({ kind: 'form', params });
  const requireId = (operation: string, name: string, value: string) => {
    if (!value || !value.trim()) throw refuse(operation, `not sent: ${name} is required`);
  };

  async function pagedList<S extends z.ZodType>(operation: string, path: string, accessToken: string, schema: S, page = 1): Promise<Page<z.infer<S>>> {
    if (!Number.isInteger(page) || page < 1) throw refuse(operation, 'not sent: page must be a whole number from 1');
    let headers: Headers | undefined;
    const items = await call({
      operation,
      method: 'GET',
      path,
      accessToken,
      query: { page },
      schema: z.array(schema),
      onHeaders: (h) => (headers = h),
    });
    return {
      items,
      page: headerInt(headers, 'x-current-page') ?? page,
      totalPages: headerInt(headers, 'x-total-pages'),
      totalRecords: headerInt(headers, 'x-records'),
    };
  }

  return { basic, keySecrets, refuse, encode, check, call, form, requireId, pagedList };
}
