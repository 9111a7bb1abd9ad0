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

function variants(secret: string): string[] {
  const out = new Set<string>([secret, encodeURIComponent(secret)]);
  try {
    out.add(Buffer.from(secret).toString('base64'));
  } catch {
    /* not in a Node context */
  }
  // No length filter needed: redactText skips secrets under 4 characters, and no variant is shorter than its secret.
  return [...out];
}

export function redactText(text: string, secrets: readonly (string | undefined | null)[] = []): string {
  let out = text;
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
