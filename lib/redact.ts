/**
 * Redaction of secrets from text that may reach a log line, an error message or the browser.
 * Two nets: known secret values (exact, URL-encoded and base64 forms), and well-known secret
 * parameter names in URLs / form bodies / JSON (apikey, access_token, pin, password, …).
 */
export const REDACTED = '[redacted]';

/** Query or form parameter names whose values are always secret. */
const SECRET_PARAM = /([?&;\s"']|^)(apikey|api_key|access_token|refresh_token|client_secret|secret|password|pin|token|authorization)=([^&\s"'#]*)/gi;
const SECRET_JSON = /"(apikey|api_key|access_token|refresh_token|client_secret|secret|password|pin|token)"\s*:\s*"[^"]*"/gi;
const AUTH_HEADER = /\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/g;

/** The forms a secret may take in text: plain, URL-encoded, base64. */
export function variants(secret: string): string[] {
  const out = new Set<string>([secret, encodeURIComponent(secret)]);
  try {
    out.add(Buffer.from(secret).toString('base64'));
  } catch {
    /* not in a Node context */
  }
  // No length filter needed: redactText skips secrets under 4 characters, and no variant is shorter than its secret.
  return [...out];
}

/**
 * drizzle's query errors read "Failed query: <sql>\nparams: <values>" and the values can be a customer's
 * e-mail or phone: keep a statement name ("insert capture_submissions"), never the SQL text or the params.
 */
const FAILED_QUERY = /Failed query: ([\s\S]*?)(?:\nparams: [\s\S]*)?$/;

/** "insert capture_submissions", "select staff_sessions": the verb and first table of a SQL statement. */
export function statementName(sqlText: string): string {
  const verb = (sqlText.trim().match(/^(\w+)/)?.[1] ?? 'query').toLowerCase();
  const table = sqlText.match(/\b(?:from|into|update|join)\s+"?([a-zA-Z_][\w]*)"?(?:\."?([a-zA-Z_][\w]*)"?)?/i);
  const name = table ? (table[2] ?? table[1]) : undefined;
  return name ? `${verb} ${name}` : verb;
}

export function redactDbText(text: string): string {
  return text.replace(FAILED_QUERY, (_m, query: string) => `Failed query (${statementName(query)}) [SQL and parameters not logged]`);
}

export function redactText(text: string, secrets: readonly (string | undefined | null)[] = []): string {
  let out = redactDbText(text);
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const v of variants(secret)) out = out.split(v).join(REDACTED);
  }
  return out
    .replace(SECRET_PARAM, (_m, lead: string, name: string) => `${lead}${name}=${REDACTED}`)
    .replace(SECRET_JSON, (_m, name: string) => `"${name}":"${REDACTED}"`)
    .replace(AUTH_HEADER, (_m, scheme: string) => `${scheme} ${REDACTED}`);
}

/** A URL fit for a log line: secret query parameters blanked. */
export function redactUrl(url: string): string {
  return redactText(url);
}
