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
  /** Only requests whose path + query + body contain this text are affected by failStatus/errorRate/cut*. */
  match: string | null;
  /**
   * "Accept, then cut the connection" (issue 13): 0..1, the share of matching writes (POST/PUT/DELETE) that the
   * simulator carries out (the lead is stored) and then answers by destroying the socket, no answer at all.
   */
  cutRate: number;
  /** The next N matching writes are accepted, then cut (counts down, then clears itself); null = none. */
  cutCount: number | null;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  outage: false,
  failStatus: null,
  failCount: null,
  match: null,
  cutRate: 0,
  cutCount: null,
};

const cutResponses = new WeakSet<Response>();

/**
 * The answer to a request that was carried out but whose answer must never arrive: node-server destroys the
 * socket instead of writing it; served by Next (app/sandbox), its body fails as it streams, so the connection is
 * cut after the status line. Either way the client gets no readable answer.
 */
export function cutConnection(): Response {
  const res = new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new Error('sandbox fault: connection cut after accepting the request'));
      },
    }),
    { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } },
  );
  cutResponses.add(res);
  return res;
}

export const isCutConnection = (res: Response): boolean => cutResponses.has(res);

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
