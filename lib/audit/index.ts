/**
 * The append-only audit trail: who, when, what, on which target, and the outcome. There is no update
 * or delete here, and the database refuses both (trigger in lib/db/migrations/0001_audit_append_only.sql).
 */
import 'server-only';
import { and, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { auditEvents, type AuditEvent, type AuditOutcome } from '@/lib/db/schema';
import { REDACTED, redactText } from '@/lib/redact';

export type { AuditEvent, AuditOutcome };
export { AUDIT_OUTCOMES } from '@/lib/db/schema';

export interface AuditActorRef {
  /** The staff subject, e.g. 'user:manager' or 'hostess:123'. */
  id: string;
  name: string;
  /** The role(s) the actor acted with, e.g. 'manager' or 'hostess,support'. */
  role: string;
}

export interface AuditInput {
  actor: AuditActorRef;
  /** What was done, e.g. 'leads.updateStatus'. */
  action: string;
  /** On what: e.g. { type: 'lead', id: '123' }, { type: 'loyalty_code', id: 'ABC' }. */
  target: { type: string; id: string };
  outcome: AuditOutcome;
  /** Small context. Secret-looking keys are blanked and long values cut; never pass a full export. */
  detail?: Record<string, unknown>;
  store?: string | null;
}

const MAX_STRING = 500;
const MAX_ARRAY = 50;
const MAX_DEPTH = 5;
const MAX_DETAIL_JSON = 4000;

const SECRET_KEY_PART = /(secret|token|password|passwd|passcode|apikey|authorization|credential|cookie)/;
const SECRET_KEY_WORD = new Set(['pin', 'otp', 'cvv']);

/** True for keys named like a secret: password, accessToken, client_secret, hostessPin, new-pin, … */
export function isSecretKey(key: string): boolean {
  const compact = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (SECRET_KEY_PART.test(compact)) return true;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((w) => SECRET_KEY_WORD.has(w));
}

function scrubValue(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const clean = redactText(value);
    return clean.length > MAX_STRING ? `${clean.slice(0, MAX_STRING)}…` : clean;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return '[deep]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ARRAY).map((v) => scrubValue(v, depth + 1));
    if (value.length > MAX_ARRAY) items.push(`… ${value.length - MAX_ARRAY} more`);
    return items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      out[k] = isSecretKey(k) ? REDACTED : scrubValue(v, depth + 1);
    }
    return out;
  }
  return String(value);
}

/** The detail as it will be stored: secret keys blanked, secrets in text redacted, size bounded. */
export function scrubAuditDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!detail) return null;
  const scrubbed = scrubValue(detail, 0) as Record<string, unknown>;
  if (JSON.stringify(scrubbed).length > MAX_DETAIL_JSON) {
    // Too big to be "small": keep the shape, not the content.
    return { truncated: true, keys: Object.keys(scrubbed).slice(0, 50) };
  }
  return scrubbed;
}

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

/** Appends one event. Throws if the database refuses it (the caller decides whether that blocks the action). */
export async function recordAudit(db: Db, input: AuditInput): Promise<AuditEvent> {
  const [row] = await db
    .insert(auditEvents)
    .values({
      actorId: clip(input.actor.id, 200),
      actorName: clip(redactText(input.actor.name), 200),
      actorRole: clip(input.actor.role, 100),
      action: clip(input.action, 100),
      targetType: clip(input.target.type, 100),
      targetId: clip(redactText(input.target.id), 300),
      outcome: input.outcome,
      detail: scrubAuditDetail(input.detail),
      store: input.store ?? null,
    })
    .returning();
  return row;
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  store?: string;
  /** Inclusive. */
  from?: Date;
  /** Inclusive. */
  to?: Date;
  /** Case-insensitive substring of actor id/name, action, target id or detail. */
  text?: string;
  /** 1–500. */
  limit: number;
  offset: number;
}

export interface AuditPage {
  rows: AuditEvent[];
  total: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function auditWhere(q: Omit<AuditQuery, 'limit' | 'offset'>): SQL | undefined {
  const conditions: SQL[] = [];
  if (q.actorId) conditions.push(eq(auditEvents.actorId, q.actorId));
  if (q.action) conditions.push(eq(auditEvents.action, q.action));
  if (q.targetType) conditions.push(eq(auditEvents.targetType, q.targetType));
  if (q.targetId) conditions.push(eq(auditEvents.targetId, q.targetId));
  if (q.outcome) conditions.push(eq(auditEvents.outcome, q.outcome));
  if (q.store) conditions.push(eq(auditEvents.store, q.store));
  if (q.from) conditions.push(gte(auditEvents.at, q.from));
  if (q.to) conditions.push(lte(auditEvents.at, q.to));
  const text = q.text?.trim();
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    const anyMatch = or(
      ilike(auditEvents.actorId, pattern),
      ilike(auditEvents.actorName, pattern),
      ilike(auditEvents.action, pattern),
      ilike(auditEvents.targetId, pattern),
      ilike(sql`coalesce(${auditEvents.detail}::text, '')`, pattern),
    );
    if (anyMatch) conditions.push(anyMatch);
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** Newest first. */
export async function listAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const where = auditWhere(query);
  const limit = Math.min(Math.max(Math.trunc(query.limit), 1), 500);
  const offset = Math.max(Math.trunc(query.offset), 0);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(limit).offset(offset),
    db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: Number(total) };
}

/** Every action that appears in the trail, sorted, for a filter dropdown. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action);
  return rows.map((r) => r.action);
}
