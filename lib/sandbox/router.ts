/**
 * The sandbox as one object: the four simulators, their fault settings, a log of what they received,
 * and the control endpoint (`/sandbox/_control`) that tests and trainers use to break a vendor on purpose.
 */
import { createHash } from 'node:crypto';
import { createFootprintsSimulator, type FootprintsSimulator } from './footprints';
import { createLoyaltySimulator } from './loyalty';
import { createNetcoreSimulators } from './netcore';
import {
  NO_FAULTS,
  SANDBOX_VENDORS,
  cutConnection,
  json,
  type FaultSettings,
  type RecordedRequest,
  type SandboxVendor,
  type Simulator,
} from './types';

const MAX_LOG = 5000;

export class Sandbox {
  readonly simulators: Record<SandboxVendor, Simulator>;
  private faults: Record<SandboxVendor, FaultSettings>;
  private requests: RecordedRequest[] = [];
  /** Connections cut by the "accept, then cut" fault since the last reset, per vendor. */
  private cuts: Partial<Record<SandboxVendor, number>> = {};
  /** What each logged request carried (path, query and body), kept private: only searched, never listed. */
  private carried = new WeakMap<RecordedRequest, string>();

  constructor() {
    const netcore = createNetcoreSimulators();
    this.simulators = {
      footprints: createFootprintsSimulator(),
      'netcore-api': netcore.api,
      'netcore-activity': netcore.activity,
      loyalty: createLoyaltySimulator(),
    };
    this.faults = Sandbox.noFaults();
  }

  private static noFaults(): Record<SandboxVendor, FaultSettings> {
    return Object.fromEntries(SANDBOX_VENDORS.map((v) => [v, { ...NO_FAULTS }])) as Record<SandboxVendor, FaultSettings>;
  }

  reset(): void {
    for (const sim of Object.values(this.simulators)) sim.reset();
    this.faults = Sandbox.noFaults();
    this.requests = [];
    this.cuts = {};
  }

  /** How many answers the "accept, then cut" fault has swallowed since the last reset. */
  getCuts(): Partial<Record<SandboxVendor, number>> {
    return { ...this.cuts };
  }

  setFaults(vendor: SandboxVendor, patch: Partial<FaultSettings>): FaultSettings {
    this.faults[vendor] = { ...this.faults[vendor], ...patch };
    return this.faults[vendor];
  }

  getFaults(): Record<SandboxVendor, FaultSettings> {
    return structuredClone(this.faults);
  }

  /**
   * The log, optionally of one vendor and only of requests whose path, query or body contains `contains`
   * (tests tag their data, e.g. a unique e-mail, so that another test's background jobs never count).
   */
  async getRequestsCarrying(vendor: SandboxVendor | undefined, contains: string): Promise<RecordedRequest[]> {
    await new Promise((r) => setImmediate(r)); // bodies are read asynchronously
    return this.getRequests(vendor).filter((r) => (this.carried.get(r) ?? '').includes(contains));
  }

  getRequests(vendor?: SandboxVendor): RecordedRequest[] {
    return vendor ? this.requests.filter((r) => r.vendor === vendor) : [...this.requests];
  }

  /**
   * Entry point for everything under `/sandbox`. `segments` are the path parts after `/sandbox`
   * (e.g. ["footprints", "api", "lead"]).
   */
  async handle(req: Request, segments: readonly string[]): Promise<Response> {
    const [head, ...rest] = segments;
    if (head === '_control') return this.control(req, rest);
    if (!head || !(SANDBOX_VENDORS as readonly string[]).includes(head)) {
      return json({ status: 'error', message: 'unknown sandbox vendor' }, 404);
    }
    const vendor = head as SandboxVendor;
    const path = `/${rest.join('/')}`;
    return this.dispatch(vendor, req, path);
  }

  private async dispatch(vendor: SandboxVendor, req: Request, path: string): Promise<Response> {
    const faults = this.faults[vendor];
    const body = req.method === 'GET' || req.method === 'HEAD' ? Promise.resolve('') : req.clone().text().catch(() => '');
    const record = (status: number) => {
      const entry: RecordedRequest = { vendor, method: req.method, path, at: new Date().toISOString(), status, credential: credentialHash(req) };
      this.requests.push(entry);
      void body.then((text) => this.carried.set(entry, `${path}${new URL(req.url).search} ${safeDecode(text.replace(/\+/g, ' '))}`.slice(0, 200_000)));
      if (this.requests.length > MAX_LOG) this.requests.splice(0, this.requests.length - MAX_LOG);
    };
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (faults.outage) {
      record(503);
      return json({ status: 'error', message: 'Service Unavailable (sandbox outage)' }, 503);
    }
    let matches = true;
    if (faults.match) {
      const body = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.clone().text();
      const url = new URL(req.url);
      matches = `${path}${url.search} ${safeDecode(body.replace(/\+/g, ' '))}`.includes(faults.match);
    }
    if (matches && faults.failStatus) {
      // Read the status before the count may clear it.
      const status = faultStatus(faults.failStatus, faults);
      if (faults.failCount !== null) {
        faults.failCount -= 1;
        if (faults.failCount <= 0) {
          faults.failStatus = null;
          faults.failCount = null;
        }
      }
      record(status);
      return json({ status: 'error', message: `sandbox fault: HTTP ${status}` }, status);
    }
    if (matches && faults.errorRate > 0 && Math.random() < faults.errorRate) {
      record(500);
      return json({ status: 'error', message: 'Internal Server Error (sandbox fault)' }, 500);
    }
    const res = await this.simulators[vendor].handle(req, path);
    if (matches && req.method !== 'GET' && req.method !== 'HEAD' && res.ok && this.cutsThisOne(faults)) {
      // Carried out (the lead is stored), and the answer is never delivered.
      record(0);
      this.cuts[vendor] = (this.cuts[vendor] ?? 0) + 1;
      return cutConnection();
    }
    record(res.status);
    return res;
  }

  /** Whether the "accept, then cut" fault takes this (accepted, matching) write; a count is used up first. */
  private cutsThisOne(faults: FaultSettings): boolean {
    if (faults.cutCount !== null && faults.cutCount > 0) {
      faults.cutCount -= 1;
      if (faults.cutCount <= 0) faults.cutCount = null;
      return true;
    }
    return faults.cutRate > 0 && Math.random() < faults.cutRate;
  }

  private async control(req: Request, rest: readonly string[]): Promise<Response> {
    const action = rest[0] ?? '';
    if (action === 'reset' && req.method === 'POST') {
      this.reset();
      return json({ status: 'success', faults: this.getFaults() });
    }
    if (action === 'requests' && req.method === 'GET') {
      const params = new URL(req.url).searchParams;
      const vendorParam = params.get('vendor');
      const vendor = vendorParam && (SANDBOX_VENDORS as readonly string[]).includes(vendorParam) ? (vendorParam as SandboxVendor) : undefined;
      const contains = params.get('contains');
      const list = contains ? await this.getRequestsCarrying(vendor, contains) : this.getRequests(vendor);
      return json({ status: 'success', count: list.length, requests: list });
    }
    if (action === 'requests' && req.method === 'DELETE') {
      this.requests = [];
      return json({ status: 'success' });
    }
    if (action === 'faults' && req.method === 'POST') {
      let body: unknown;
      try {
        body = await req.json();
      } catch {
        return json({ status: 'error', message: 'send JSON: {"vendor": "footprints", "latencyMs": 150, …}' }, 400);
      }
      const parsed = parseFaultPatch(body);
      if ('error' in parsed) return json({ status: 'error', message: parsed.error }, 400);
      const targets = parsed.vendor === 'all' ? [...SANDBOX_VENDORS] : [parsed.vendor];
      for (const v of targets) this.setFaults(v, parsed.patch);
      return json({ status: 'success', faults: this.getFaults() });
    }
    if (action === 'footprints' && req.method === 'POST') {
      // The Footprints simulator's own settings (where the docs are silent): {"echoCustomDetails": false}.
      let body: unknown;
      try {
        body = await req.json();
      } catch {
        return json({ status: 'error', message: 'send JSON: {"echoCustomDetails": false}' }, 400);
      }
      const echo = (body as { echoCustomDetails?: unknown } | null)?.echoCustomDetails;
      if (typeof echo !== 'boolean') return json({ status: 'error', message: 'echoCustomDetails: true or false' }, 400);
      const settings = (this.simulators.footprints as FootprintsSimulator).configure({ echoCustomDetails: echo });
      return json({ status: 'success', settings });
    }
    if (action === '' || action === 'faults') {
      return json({ status: 'success', faults: this.getFaults(), cuts: this.getCuts() });
    }
    return json({ status: 'error', message: 'unknown control action' }, 404);
  }
}

function faultStatus(status: number, _faults: FaultSettings): number {
  return status >= 100 && status <= 599 ? status : 500;
}

/** A short hash of the request's token (never the token itself): see RecordedRequest.credential. */
export function credentialHash(req: Request): string | null {
  const fromQuery = new URL(req.url).searchParams.get('access_token');
  const fromHeader = req.headers.get('authorization')?.replace(/^(Bearer|Basic)\s+/i, '');
  const credential = fromQuery || fromHeader;
  return credential ? tokenHash(credential) : null;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseFaultPatch(body: unknown): { vendor: SandboxVendor | 'all'; patch: Partial<FaultSettings> } | { error: string } {
  if (!body || typeof body !== 'object') return { error: 'body must be a JSON object' };
  const b = body as Record<string, unknown>;
  const vendor = b.vendor;
  if (vendor !== 'all' && !(typeof vendor === 'string' && (SANDBOX_VENDORS as readonly string[]).includes(vendor))) {
    return { error: `vendor must be one of: all, ${SANDBOX_VENDORS.join(', ')}` };
  }
  const patch: Partial<FaultSettings> = {};
  if ('latencyMs' in b) {
    if (typeof b.latencyMs !== 'number' || b.latencyMs < 0 || b.latencyMs > 120_000) return { error: 'latencyMs: 0..120000' };
    patch.latencyMs = b.latencyMs;
  }
  if ('errorRate' in b) {
    if (typeof b.errorRate !== 'number' || b.errorRate < 0 || b.errorRate > 1) return { error: 'errorRate: 0..1' };
    patch.errorRate = b.errorRate;
  }
  if ('outage' in b) {
    if (typeof b.outage !== 'boolean') return { error: 'outage: true or false' };
    patch.outage = b.outage;
  }
  if ('failStatus' in b) {
    if (b.failStatus !== null && (typeof b.failStatus !== 'number' || b.failStatus < 100 || b.failStatus > 599)) {
      return { error: 'failStatus: an HTTP status 100..599, or null' };
    }
    patch.failStatus = b.failStatus as number | null;
  }
  if ('failCount' in b) {
    if (b.failCount !== null && (typeof b.failCount !== 'number' || b.failCount < 1)) return { error: 'failCount: ≥ 1, or null' };
    patch.failCount = b.failCount as number | null;
  }
  if ('cutRate' in b) {
    if (typeof b.cutRate !== 'number' || b.cutRate < 0 || b.cutRate > 1) return { error: 'cutRate: 0..1' };
    patch.cutRate = b.cutRate;
  }
  if ('cutCount' in b) {
    if (b.cutCount !== null && (typeof b.cutCount !== 'number' || !Number.isInteger(b.cutCount) || b.cutCount < 1)) return { error: 'cutCount: a whole number ≥ 1, or null' };
    patch.cutCount = b.cutCount as number | null;
  }
  if ('match' in b) {
    if (b.match !== null && typeof b.match !== 'string') return { error: 'match: a string, or null' };
    patch.match = (b.match as string | null) || null;
  }
  return { vendor: vendor as SandboxVendor | 'all', patch };
}

const globalForSandbox = globalThis as unknown as { __storedeskSandbox?: Sandbox };

/**
 * Fault settings a sandbox starts with (SANDBOX_START_FAULTS: a JSON list of control bodies, e.g.
 * `[{"vendor":"footprints","outage":true}]`): a restarted console whose vendor must be down from its first
 * request on (tests of a restart, training). An invalid value stops the sandbox with the reason.
 */
export function applyStartFaults(sandbox: Sandbox, json: string | undefined): void {
  if (!json?.trim()) return;
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    throw new Error('SANDBOX_START_FAULTS must be a JSON list of fault settings');
  }
  for (const item of Array.isArray(list) ? list : [list]) {
    const parsed = parseFaultPatch(item);
    if ('error' in parsed) throw new Error(`SANDBOX_START_FAULTS: ${parsed.error}`);
    for (const v of parsed.vendor === 'all' ? [...SANDBOX_VENDORS] : [parsed.vendor]) sandbox.setFaults(v, parsed.patch);
  }
}

/** One sandbox per process (Next may load this module more than once). */
export function getSandbox(): Sandbox {
  if (!globalForSandbox.__storedeskSandbox) {
    const sandbox = new Sandbox();
    // The simulators also run outside the console (lib/sandbox/node-server, with no console config to load):
    // their own start-up setting is read here, not through getConfig().
    // eslint-disable-next-line no-restricted-properties
    applyStartFaults(sandbox, process.env.SANDBOX_START_FAULTS);
    globalForSandbox.__storedeskSandbox = sandbox;
  }
  return globalForSandbox.__storedeskSandbox;
}
