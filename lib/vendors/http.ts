/**
 * The one HTTP base every vendor client stands on: a timeout on every call, a typed VendorError with
 * vendor / operation / status / vendor code / retryability, zod parsing of every answer, and redaction
 * of keys, secrets, tokens and PINs from anything that could reach an error message or a log line.
 *
 * Vendor clients never import the database, auth or React; they receive their settings as arguments.
 */
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { z } from 'zod';
import { brandedInstanceCheck } from '@/lib/brand';
import { redactText, redactUrl } from '@/lib/redact';
import { observeVendorCall } from './observe';
import { recordVendorCall } from '@/lib/metrics';

const VENDOR_ERROR = Symbol.for('storedesk.VendorError');

export type VendorName = 'footprints' | 'netcore' | 'loyalty';

export interface VendorErrorInit {
  vendor: VendorName;
  operation: string;
  /** HTTP status; 0 when no answer came (network failure, timeout). */
  status: number;
  /** The vendor's own error code when it sent one (e.g. Netcore 302, loyalty INVALID_REQUEST). */
  vendorCode?: string;
  /** Human-readable, already redacted. */
  message: string;
  retryable: boolean;
  kind: 'http' | 'timeout' | 'network' | 'invalid_response' | 'invalid_request';
  /** Whether the vendor may have acted on the request; derived from status and kind when not given. */
  delivery?: VendorDelivery;
}

/**
 * What a failed call says about the vendor's side (issue 13), for a write that is not safe to repeat:
 *  - `refused`: the vendor answered no (a 4xx, or an error body with 200): nothing was done;
 *  - `not_received`: the request never reached the vendor (refused before sending, connection refused,
 *    unknown host): nothing was done, sending again is safe;
 *  - `ambiguous`: the request may have been received and acted on, the answer was lost (timeout, a connection
 *    reset or cut after sending, a 5xx, an OK answer that could not be read): check before sending again.
 */
export type VendorDelivery = 'refused' | 'not_received' | 'ambiguous';

/** Error codes of a connection that never opened: the request cannot have reached the vendor. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INVALID_URL', 'UND_ERR_INVALID_ARG']);

function defaultDelivery(init: Pick<VendorErrorInit, 'kind' | 'status'>): VendorDelivery {
  if (init.kind === 'invalid_request') return 'not_received';
  if (init.kind === 'http' && init.status >= 400 && init.status < 500) return 'refused';
  // 503 says "currently unable to handle the request" (RFC 9110 §15.6.4): an outage or overload answer given
  // instead of processing, so nothing was done. Any other 5xx (500, 502, 504: a gateway may have forwarded it)
  // may come after the work was done.
  if (init.kind === 'http' && init.status === 503) return 'not_received';
  return 'ambiguous';
}

/** The system error codes a fetch failure carries (undici wraps them in `cause`, sometimes an AggregateError). */
export function networkErrorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 4) return;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    visit((e as { cause?: unknown }).cause, depth + 1);
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) for (const x of inner) visit(x, depth + 1);
  };
  visit(error, 0);
  return codes;
}

/** A fetch that threw before any answer: certainly not received only when the connection never opened. */
export function deliveryOfNetworkFailure(error: unknown): VendorDelivery {
  const codes = networkErrorCodes(error);
  return codes.length > 0 && codes.every((c) => NOT_CONNECTED_CODES.has(c)) ? 'not_received' : 'ambiguous';
}

/** The delivery class of any error a vendor call threw; an error that is not a VendorError is ambiguous. */
export function deliveryOf(error: unknown): VendorDelivery {
  return error instanceof VendorError ? error.delivery : 'ambiguous';
}

export class VendorError extends Error {
  /** `instanceof VendorError` holds across Next's server bundles (see lib/brand.ts). */
  static [Symbol.hasInstance] = brandedInstanceCheck(VENDOR_ERROR, VendorError);
  readonly [VENDOR_ERROR] = true;
  readonly vendor: VendorName;
  readonly operation: string;
  readonly status: number;
  readonly vendorCode?: string;
  readonly retryable: boolean;
  readonly kind: VendorErrorInit['kind'];
  readonly delivery: VendorDelivery;
  /** The vendor's reason alone (redacted), for showing to staff beside a field or in a toast. */
  readonly reason: string;

  constructor(init: VendorErrorInit, secrets: readonly string[] = []) {
    const message = redactText(init.message, secrets);
    super(`${init.vendor} ${init.operation} failed (${init.status || init.kind}): ${message}`);
    this.reason = message;
    this.name = 'VendorError';
    this.vendor = init.vendor;
    this.operation = init.operation;
    this.status = init.status;
    this.vendorCode = init.vendorCode;
    this.retryable = init.retryable;
    this.kind = init.kind;
    this.delivery = init.delivery ?? defaultDelivery(init);
  }

  /** A plain object that is safe to log or store (no stack, no body, no secret). */
  toJSON() {
    return {
      name: this.name,
      vendor: this.vendor,
      operation: this.operation,
      status: this.status,
      vendorCode: this.vendorCode,
      retryable: this.retryable,
      kind: this.kind,
      delivery: this.delivery,
      reason: this.reason,
      message: this.message,
    };
  }
}

/** Timeouts, 408, 429, 5xx and network failures can succeed later; other 4xx are the caller's fault. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

export type VendorBody =
  | { kind: 'form'; params: URLSearchParams }
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; form: FormData }
  | { kind: 'none' };

export interface VendorRequest<S extends z.ZodType> {
  vendor: VendorName;
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: VendorBody;
  /** zod schema of a successful answer. */
  schema: S;
  timeoutMs: number;
  /** Every secret value this call carries; each is scrubbed from errors. */
  secrets: readonly string[];
  /**
   * Extracts the vendor's error code and message from an error answer (each vendor has its own shape).
   * Receives parsed JSON when the body was JSON, the raw text otherwise.
   */
  describeError?: (status: number, body: unknown) => { vendorCode?: string; message?: string } | undefined;
  /** Some vendors answer HTTP 200 with an error body; return a description to turn it into a VendorError. */
  detectErrorInSuccess?: (body: unknown) => { status: number; vendorCode?: string; message: string } | undefined;
  fetchImpl?: typeof fetch;
}

/** Joins a configured root (with or without trailing slash, possibly with a path prefix) and a path. */
export function joinUrl(root: string, path: string): string {
  const base = root.replace(/\/+$/, '');
  const tail = path.startsWith('/') ? path : `/${path}`;
  return `${base}${tail}`;
}

function encodeBody(body: VendorBody | undefined): { init: BodyInit | undefined; contentType?: string } {
  if (!body || body.kind === 'none') return { init: undefined };
  if (body.kind === 'form') return { init: body.params.toString(), contentType: 'application/x-www-form-urlencoded' };
  if (body.kind === 'json') return { init: JSON.stringify(body.value), contentType: 'application/json' };
  // fetch sets the multipart boundary itself.
  return { init: body.form };
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return (text ?? '').slice(0, 300);
}

/**
 * One span per vendor call (issue 17, traces): vendor, operation, outcome and HTTP status only — never the URL
 * (it may carry an e-mail or a key), a body or a header. Without a tracer provider (OTEL_EXPORTER_OTLP_ENDPOINT
 * unset) the API hands out a non-recording span: no allocation of attributes, nothing exported.
 */
export function vendorRequest<S extends z.ZodType>(req: VendorRequest<S>): Promise<z.infer<S>> {
  return tracer().startActiveSpan(
    `vendor ${req.vendor} ${req.operation}`,
    { kind: SpanKind.CLIENT, attributes: { 'storedesk.vendor': req.vendor, 'storedesk.vendor.operation': req.operation } },
    async (span) => {
      try {
        const result = await observedVendorRequest(req);
        span.setAttributes({ 'storedesk.vendor.outcome': 'ok' });
        return result;
      } catch (error) {
        const vendorError = error instanceof VendorError ? error : null;
        span.setAttributes({
          'storedesk.vendor.outcome': vendorError && !vendorError.retryable && vendorError.kind !== 'invalid_response' ? 'refused' : 'failure',
          ...(vendorError ? { 'storedesk.vendor.error_kind': vendorError.kind, ...(vendorError.status ? { 'http.response.status_code': vendorError.status } : {}) } : {}),
        });
        span.setStatus({ code: SpanStatusCode.ERROR, message: vendorError ? vendorError.kind : 'error' });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

const tracer = () => trace.getTracer('storedesk');

async function observedVendorRequest<S extends z.ZodType>(req: VendorRequest<S>): Promise<z.infer<S>> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const result = await sendVendorRequest(req);
    observeVendorCall(req.vendor, { ok: true }, new Date(), seconds() * 1000);
    recordVendorCall(req.vendor, req.operation, 'ok', seconds());
    return result;
  } catch (error) {
    if (error instanceof VendorError) {
      observeVendorCall(req.vendor, { ok: false, operation: req.operation, kind: error.kind, status: error.status, retryable: error.retryable }, new Date(), seconds() * 1000);
      // The same line as observe.ts: a vendor's "no" (4xx other than 429) is an answer, not a failure.
      const failed = error.retryable || error.kind === 'invalid_response';
      recordVendorCall(req.vendor, req.operation, failed ? 'failure' : 'refused', seconds());
    } else recordVendorCall(req.vendor, req.operation, 'failure', seconds());
    throw error;
  }
}

async function sendVendorRequest<S extends z.ZodType>(req: VendorRequest<S>): Promise<z.infer<S>> {
  const { vendor, operation, secrets } = req;
  const fail = (init: Omit<VendorErrorInit, 'vendor' | 'operation'>) =>
    new VendorError({ vendor, operation, ...init }, secrets);
  const { init: body, contentType } = encodeBody(req.body);
  const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
  if (contentType && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = contentType;
  }

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMs);
  let res: Response;
  try {
    res = await (req.fetchImpl ?? fetch)(req.url, { method: req.method, headers, body, signal: controller.signal });
  } catch (error) {
    clearTimeout(timer);
    if (controller.signal.aborted) {
      throw fail({ status: 0, kind: 'timeout', retryable: true, message: `no answer within ${req.timeoutMs} ms` });
    }
    const cause = error instanceof Error ? error.message : String(error);
    const codes = networkErrorCodes(error);
    throw fail({
      status: 0,
      kind: 'network',
      retryable: true,
      delivery: deliveryOfNetworkFailure(error),
      message: `could not reach ${redactUrl(req.url)}: ${cause}${codes.length ? ` (${[...new Set(codes)].join(', ')})` : ''}`,
    });
  }

  let parsed: unknown;
  try {
    parsed = await readBody(res);
  } catch {
    clearTimeout(timer);
    if (controller.signal.aborted) {
      throw fail({ status: 0, kind: 'timeout', retryable: true, message: `answer not complete within ${req.timeoutMs} ms` });
    }
    throw fail({ status: res.status, kind: 'network', retryable: true, message: 'the answer was cut off' });
  }
  clearTimeout(timer);

  if (!res.ok) {
    const described = req.describeError?.(res.status, parsed);
    throw fail({
      status: res.status,
      kind: 'http',
      retryable: isRetryableStatus(res.status),
      vendorCode: described?.vendorCode,
      message: described?.message ?? (short(parsed) || res.statusText || 'error'),
    });
  }

  const inBand = req.detectErrorInSuccess?.(parsed);
  if (inBand) {
    throw fail({
      status: inBand.status,
      kind: 'http',
      retryable: isRetryableStatus(inBand.status),
      // The vendor answered, and said no.
      delivery: 'refused',
      vendorCode: inBand.vendorCode,
      message: inBand.message,
    });
  }

  const result = req.schema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    // An answer we cannot read is not going to get better by asking again.
    throw fail({ status: res.status, kind: 'invalid_response', retryable: false, message: `unexpected answer: ${where}` });
  }
  return result.data;
}

/**
 * Form-urlencoded with bracket notation, as the Footprints docs show (`tags[0]=a`,
 * `marketingChannels[0][channel]=sms`, `customDetails[offerDetails]=…`). Undefined and null are skipped;
 * booleans become the strings "true"/"false" the docs use.
 */
export function toBracketForm(value: Record<string, unknown>, params = new URLSearchParams(), prefix = ''): URLSearchParams {
  for (const [key, raw] of Object.entries(value)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    appendBracket(params, name, raw);
  }
  return params;
}

function appendBracket(params: URLSearchParams, name: string, raw: unknown): void {
  if (raw === undefined || raw === null) return;
  if (Array.isArray(raw)) {
    raw.forEach((item, index) => appendBracket(params, `${name}[${index}]`, item));
    return;
  }
  if (raw instanceof Date) {
    params.append(name, raw.toISOString());
    return;
  }
  if (typeof raw === 'object') {
    toBracketForm(raw as Record<string, unknown>, params, name);
    return;
  }
  params.append(name, String(raw));
}
