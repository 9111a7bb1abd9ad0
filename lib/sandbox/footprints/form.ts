/**
 * The simulator's own reading of request bodies, written from the Footprints docs and sharing nothing with
 * lib/vendors: PHP-style bracket notation (`tags[0]=a`, `tags[]=a`, `marketingChannels[0][channel]=sms`,
 * `customDetails[vouchers][shopId]=1`), a JSON body (the docs allow one for `avandorSession`), and, because
 * the docs' samples are sloppy, a form body sent under a JSON content type.
 */

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormRecord = { [key: string]: FormValue };

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/** Splits `a[b][0][]` into ["a", "b", "0", ""]. A key without brackets is one segment. */
function keySegments(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  let consumed = open;
  while ((match = re.exec(key)) !== null) {
    if (match.index !== consumed) break;
    segments.push(match[1]);
    consumed = match.index + match[0].length;
  }
  if (consumed !== key.length) return [key];
  return segments;
}

type Tree = { [key: string]: Tree | string | string[] };

function insert(tree: Tree, segments: string[], value: string): void {
  let node: Tree = tree;
  for (let i = 0; i < segments.length; i++) {
    let seg = segments[i];
    const last = i === segments.length - 1;
    if (seg === '') seg = String(Object.keys(node).length); // `tags[]=a&tags[]=b`
    if (last) {
      const existing = node[seg];
      if (existing === undefined) node[seg] = value;
      else if (typeof existing === 'string') node[seg] = [existing, value]; // `tags=a&tags=b`
      else if (Array.isArray(existing)) existing.push(value);
      // a scalar after a nested value for the same key: the nested value wins.
      return;
    }
    const next = node[seg];
    if (next === undefined || typeof next === 'string' || Array.isArray(next)) {
      const fresh: Tree = {};
      if (typeof next === 'string') fresh['0'] = next;
      node[seg] = fresh;
      node = fresh;
    } else {
      node = next;
    }
  }
}

function finish(value: Tree | string | string[]): FormValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const numeric = keys.length > 0 && keys.every((k) => /^\d+$/.test(k));
  if (numeric) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((k) => finish(value[String(k)]));
  }
  const out: FormRecord = {};
  for (const k of keys) out[k] = finish(value[k]);
  return out;
}

export function parseUrlEncoded(text: string): FormRecord {
  const tree: Tree = {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const key = decode(rawKey);
    if (!key) continue;
    insert(tree, keySegments(key), decode(rawValue));
  }
  const out = finish(tree);
  return out && typeof out === 'object' && !Array.isArray(out) ? out : {};
}

function fromJson(value: unknown): FormValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(fromJson).filter((v): v is FormValue => v !== undefined);
  if (typeof value === 'object') {
    const out: FormRecord = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const converted = fromJson(v);
      if (converted !== undefined) out[k] = converted;
    }
    return out;
  }
  return undefined;
}

/** Reads a url-encoded or JSON body into one shape (JSON scalars become the strings a form would carry). */
export async function readBody(req: Request): Promise<FormRecord> {
  if (req.method === 'GET' || req.method === 'HEAD') return {};
  const text = await req.text();
  if (!text.trim()) return {};
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  const looksJson = type.includes('json') || /^\s*[{[]/.test(text);
  if (looksJson) {
    try {
      const parsed = fromJson(JSON.parse(text));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
    } catch {
      /* a form body under a JSON content type, as one of the docs' samples sends */
    }
  }
  return parseUrlEncoded(text);
}

/** A scalar field, trimmed; undefined when absent, empty or not a scalar. */
export function str(body: FormRecord, key: string): string | undefined {
  const v = body[key];
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}
