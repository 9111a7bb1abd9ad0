/**
 * The one logger: JSON lines on stdout/stderr, every string passed through redaction, and every value
 * registered as a secret (vendor keys, tokens at runtime) scrubbed wherever it appears.
 */
import { redactText } from '@/lib/redact';

const registered = new Set<string>();

/** Registers values that must never appear in a log line (config secrets, issued tokens). */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 4) registered.add(value);
}

const SENSITIVE_KEYS = /^(apikey|api_key|access_token|accessToken|refresh_token|client_secret|clientSecret|secret|password|pin|token|authorization)$/i;

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactText(value, [...registered]);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message, [...registered]) };
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SENSITIVE_KEYS.test(k) ? '[redacted]' : scrub(v, depth + 1);
    }
    return out;
  }
  return value;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
type Sink = (level: LogLevel, line: string) => void;

// Set from the configuration (LOG_LEVEL, read in lib/config.ts) when it is loaded.
let debugEnabled = false;

/** Debug lines are printed only when the configuration asks for them. */
export function setDebugLogging(on: boolean): void {
  debugEnabled = on;
}

let sink: Sink = (level, line) => {
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else if (level === 'info' || debugEnabled) process.stdout.write(`${line}\n`);
};

/** Tests capture log lines through this. Returns the previous sink. */
export function setLogSink(next: Sink): Sink {
  const prev = sink;
  sink = next;
  return prev;
}

export function log(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(scrub(fields) as object) });
  sink(level, line);
}
