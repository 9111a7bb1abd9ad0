/** The contract every vendor simulator implements. */
export interface Simulator {
  /**
   * Handles one request. `path` is what follows the simulator's mount point, always starting with "/"
   * (for `/sandbox/footprints/api/lead?access_token=…` it is `/api/lead`); the query string is on `req.url`.
   */
  handle(req: Request, path: string): Promise<Response>;
  /** Back to the seed. */
  reset(): void;
}

export const SANDBOX_VENDORS = ['footprints', 'netcore-api', 'netcore-activity', 'loyalty'] as const;
export type SandboxVendor = (typeof SANDBOX_VENDORS)[number];

export interface FaultSettings {
  /** Added to every request, in ms. */
  latencyMs: number;
  /** 0..1: share of requests answered with a 500. */
  errorRate: number;
  /** Every request answered 503 (or, with `outageMode: "hang"`, never answered until timeout). */
  outage: boolean;
  /** When set, requests are answered with this status (e.g. 429, 400, 408). */
  failStatus: number | null;
  /** How many matching requests `failStatus` applies to before it clears itself; null = until changed. */
  failCount: number | null;
  /** Only requests whose path + query + body contain this text are affected by failStatus/errorRate. */
  match: string | null;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  outage: false,
  failStatus: null,
  failCount: null,
  match: null,
};

export interface RecordedRequest {
  vendor: SandboxVendor;
  method: string;
  path: string;
  at: string;
  /** Answer status. */
  status: number;
  /**
   * A short SHA-256 of the credential the request carried (Footprints `access_token` query parameter, else
   * the Authorization header's token), so tests can tell whose token a call used without the log holding it.
   */
  credential: string | null;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
