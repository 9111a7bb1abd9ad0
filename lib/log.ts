/**
 * The one logger (pino): JSON lines on stdout/stderr, every string passed through redaction, and every value
 * registered as a secret (vendor keys, tokens at runtime) scrubbed wherever it appears.
 */
import pino, { type DestinationStream } from 'pino';
import { REDACTED, redactText, statementName, variants } from '@/lib/redact';
import { currentRequestId } from '@/lib/request-context';

/** Keys and secrets from the configuration: few, kept for the life of the process. */
const pinned = new Set<string>();
/**
 * Issued tokens: a bounded list (oldest dropped first). Tokens are short-lived and the vendor clients
 * scrub each call's own token from its errors anyway; an unbounded list grew by every sign-in and made
 * every log line slower.
 */
export const MAX_REGISTERED_TOKENS = 200;
const tokens = new Set<string>();
/** Every form of every registered value, computed once per registration rather than per log line. */
let knownForms: string[] = [];

function rebuild(): void {
  knownForms = [...new Set([...pinned, ...tokens].flatMap(variants))].sort((a, b) => b.length - a.length);
}

/**
 * Registers values that must never appear in a log line: 'pinned' for configuration secrets (the
 * default), 'token' for issued access tokens (bounded to MAX_REGISTERED_TOKENS).
 */
export function registerSecret(value: string | undefined | null, kind: 'pinned' | 'token' = 'pinned'): void {
  if (!value || value.length < 4 || pinned.has(value)) return;
  if (kind === 'pinned') pinned.add(value);
  else {
    tokens.delete(value);
    tokens.add(value);
    while (tokens.size > MAX_REGISTERED_TOKENS) tokens.delete(tokens.values().next().value as string);
  }
  rebuild();
}

/** How many values the logger scrubs (tests watch that it stays bounded). */
export function registeredSecretCount(): { pinned: number; tokens: number } {
  return { pinned: pinned.size, tokens: tokens.size };
}

function redact(text: string): string {
  let out = text;
  for (const form of knownForms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return redactText(out);
}

/** A database error as a log line may carry it: the driver's SQLSTATE code and the statement's name, never SQL values. */
function databaseErrorOf(error: Error): Record<string, unknown> | null {
  const e = error as Error & { query?: unknown; cause?: unknown; code?: unknown };
  const cause = e.cause as { code?: unknown } | undefined;
  const code = typeof e.code === 'string' && /^(?=.*\d)[0-9A-Z]{5}$/.test(e.code) ? e.code : typeof cause?.code === 'string' ? cause.code : undefined;
  const isQueryError = typeof e.query === 'string' || e.message.startsWith('Failed query');
  if (!isQueryError && !code) return null;
  const query = typeof e.query === 'string' ? e.query : (e.message.match(/^Failed query: ([^\n]*)/)?.[1] ?? '');
  return { name: 'DatabaseError', code: code ?? 'unknown', ...(query ? { statement: statementName(query) } : {}) };
}

const SENSITIVE_KEYS = /^(apikey|api_key|access_token|accessToken|refresh_token|client_secret|clientSecret|secret|password|pin|token|authorization)$/i;

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) {
    return databaseErrorOf(value) ?? { name: value.name, message: redact(value.message) };
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SENSITIVE_KEYS.test(k) ? REDACTED : scrub(v, depth + 1);
    }
    return out;
  }
  return value;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
type Sink = (level: LogLevel, line: string) => void;

/**
 * Where pino writes: synchronous file-descriptor streams (sonic-boom, no worker thread, no transport), made on
 * first use. Warnings and errors go to stderr, the rest to stdout, one JSON object per line.
 */
let stdoutStream: DestinationStream | undefined;
let stderrStream: DestinationStream | undefined;
function defaultSink(level: LogLevel, line: string): void {
  if (level === 'error' || level === 'warn') (stderrStream ??= pino.destination({ dest: 2, sync: true })).write(`${line}\n`);
  else (stdoutStream ??= pino.destination({ dest: 1, sync: true })).write(`${line}\n`);
}
let sink: Sink = defaultSink;

/** Tests capture log lines through this. Returns the previous sink. */
export function setLogSink(next: Sink): Sink {
  const prev = sink;
  sink = next;
  return prev;
}

/** The level of the line pino is writing: pino writes synchronously inside log(), so the sink gets it from here. */
let writing: LogLevel = 'info';
const toSink: DestinationStream = { write: (text: string) => sink(writing, text.endsWith('\n') ? text.slice(0, -1) : text) };

/**
 * The one pino logger of the server. Lines keep the shape they had before pino: `t` (ISO time), `level` (its
 * label), `event` (the message), `requestId` inside a request (a mixin reading lib/request-context.ts), then the
 * fields — already scrubbed by scrub() above. pino's own `redact` adds a net for request headers (cookies and
 * authorization) that scrub() would not recognise by key.
 */
const logger = pino(
  {
    level: 'info',
    base: undefined,
    messageKey: 'event',
    timestamp: () => `,"t":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: { paths: ['cookie', 'set-cookie', '*.cookie', '*["set-cookie"]', '*.*.cookie', '*.*["set-cookie"]'], censor: REDACTED },
  },
  toSink,
);

/** The lowest level printed (LOG_LEVEL, read in lib/config.ts); lines below it are dropped before they are built. */
export function setLogLevel(level: LogLevel): void {
  logger.level = level;
}

/** Debug lines are printed only when the configuration asks for them. */
export function setDebugLogging(on: boolean): void {
  logger.level = on ? 'debug' : 'info';
}

/**
 * One JSON line, written by pino. Inside a request it carries the request's id (`requestId`,
 * lib/request-context.ts), so every line of one request can be found together.
 */
export function log(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  if (!logger.isLevelEnabled(level)) return;
  writing = level;
  logger[level](scrub(fields) as object, event);
}
