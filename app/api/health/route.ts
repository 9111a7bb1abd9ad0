/** GET /api/health, for load balancers: 200 when this instance's database answers within 2 s, 503 otherwise. Nothing goes to the vendors. */
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const report = await checkHealth();
  return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
