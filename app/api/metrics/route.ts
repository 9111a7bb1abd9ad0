/** GET /api/metrics: Prometheus text format, for a scraper with the METRICS_TOKEN bearer token (lib/metrics-endpoint.ts). No session. */
import { metricsResponse } from '@/lib/metrics-endpoint';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return metricsResponse(request.headers.get('authorization'));
}
