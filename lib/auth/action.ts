/**
 * The one way to write a server action: it authenticates, checks the permission table, validates the
 * input with the same zod schema the form uses, and returns a typed ActionResult. Expected errors become
 * messages staff can act on; anything else is logged with a reference and shown as "Something went wrong".
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { getDb, type Db } from '@/lib/db';
import { ConflictError, messageIn, PermissionError, RateLimitError, ValidationError, type ActionResult } from '@/lib/errors';
import { log } from '@/lib/log';
// Installs the plain-words zod error map for every action's validation.
import { actionWords, validationErrorMap, vendorActionMessage } from '@/lib/i18n/server-words';
import { getLocale } from 'next-intl/server';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { VendorError } from '@/lib/vendors/http';
import { can, type Permission } from './permissions';
import { getStaffSession, type StaffSession } from './session';

export interface AuditActor {
  id: string;
  name: string;
  role: string;
}

export interface ActionContext {
  session: StaffSession;
  db: Db;
  actor: AuditActor;
}

export function actorOf(session: Pick<StaffSession, 'subject' | 'displayName' | 'roles'>): AuditActor {
  return { id: session.subject, name: session.displayName, role: session.roles.join(',') || 'none' };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Maps any thrown value to what the user may see, in their language. Exported for route handlers and tests. */
export function toActionError(error: unknown, operation: string, locale: Locale = 'en'): ActionResult<never> {
  const words = actionWords(locale);
  if (error instanceof z.ZodError) {
    return { ok: false, error: { code: 'validation', message: words.fieldsNeedAttention(), fieldErrors: fieldErrorsOf(error) } };
  }
  if (error instanceof ValidationError) {
    return { ok: false, error: { code: 'validation', message: messageIn(error, locale), fieldErrors: error.fieldErrors } };
  }
  if (error instanceof PermissionError) return { ok: false, error: { code: 'forbidden', message: messageIn(error, locale) } };
  if (error instanceof ConflictError) return { ok: false, error: { code: 'conflict', message: messageIn(error, locale) } };
  if (error instanceof RateLimitError) return { ok: false, error: { code: 'rate_limited', message: messageIn(error, locale) } };
  if (error instanceof VendorError) {
    // The vendor's detail goes to the log only; staff read what happened and what to do.
    log('warn', 'action.vendor_error', { operation, error: error.toJSON() });
    return { ok: false, error: { code: 'vendor', retryable: error.retryable, message: vendorActionMessage(error, locale) } };
  }
  const ref = randomBytes(4).toString('hex');
  log('error', 'action.unexpected_error', { operation, ref, error: error instanceof Error ? error : String(error) });
  return {
    ok: false,
    error: { code: 'internal', ref, message: words.internal(ref) },
  };
}

/**
 * The first half of every action: the session, then the permission table (a refusal is audited). Route
 * handlers that cannot be actions (a multipart upload) use it too, so their door is the same.
 */
export async function authorize(name: string, permission: Permission): Promise<{ ok: true; ctx: ActionContext } | { ok: false; result: ActionResult<never> }> {
  const words = actionWords(await requestLanguage());
  let session: StaffSession | null;
  try {
    session = await getStaffSession();
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, result: toActionError(error, name, await requestLanguage()) };
  }
  if (!session) {
    return { ok: false, result: { ok: false, error: { code: 'unauthenticated', message: words.sessionEnded() } } };
  }
  const db = await getDb();
  const actor = actorOf(session);
  if (!can(session.roles, permission)) {
    await recordAudit(db, {
      actor,
      action: name,
      target: { type: 'permission', id: permission },
      outcome: 'refused',
    });
    return { ok: false, result: { ok: false, error: { code: 'forbidden', message: words.roleNotAllowed() } } };
  }
  return { ok: true, ctx: { session, db, actor } };
}

/** The language of the request an action answers (next-intl's, from i18n/request.ts); English outside a request (tests, scripts). */
export async function requestLanguage(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : 'en';
  } catch {
    return 'en';
  }
}

export type DefinedAction<I, T> = ((input: I) => Promise<ActionResult<T>>) & { actionName: string; permission: Permission };

export function defineAction<S extends z.ZodType, T>(def: {
  /** Dotted name used in logs and the audit trail, e.g. "admin.assignRole". */
  name: string;
  permission: Permission;
  schema: S;
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>;
}): DefinedAction<z.input<S>, T> {
  const run = async (rawInput: z.input<S>): Promise<ActionResult<T>> => {
    const door = await authorize(def.name, def.permission);
    if (!door.ok) return door.result;
    const { session, db, actor } = door.ctx;
    const locale = await requestLanguage();
    const parsed = def.schema.safeParse(rawInput, { error: validationErrorMap(locale) });
    if (!parsed.success) {
      return { ok: false, error: { code: 'validation', message: actionWords(locale).fieldsNeedAttention(), fieldErrors: fieldErrorsOf(parsed.error) } };
    }
    try {
      return { ok: true, data: await def.handler(parsed.data, { session, db, actor }) };
    } catch (error) {
      unstable_rethrow(error);
      return toActionError(error, def.name, locale);
    }
  };
  // One span per action (issue 17, traces), inside the request's, around its use case's vendor calls and jobs: the
  // action's name and outcome (ok, or the error code staff were shown) only — never its input (personal data).
  // Without a tracer provider it is a non-recording span.
  const action = (rawInput: z.input<S>): Promise<ActionResult<T>> =>
    trace.getTracer('storedesk').startActiveSpan(`action ${def.name}`, { attributes: { 'storedesk.action': def.name } }, async (span) => {
      try {
        const result = await run(rawInput);
        span.setAttribute('storedesk.action.outcome', result.ok ? 'ok' : result.error.code);
        if (!result.ok && result.error.code === 'internal') span.setStatus({ code: SpanStatusCode.ERROR, message: 'internal' });
        return result;
      } catch (error) {
        // Next's redirect / notFound, rethrown on purpose: not a failure of the action.
        span.setAttribute('storedesk.action.outcome', 'rethrown');
        throw error;
      } finally {
        span.end();
      }
    });
  // Read by the table-driven permission test, which walks every actions.ts.
  return Object.assign(action, { actionName: def.name, permission: def.permission });
}
