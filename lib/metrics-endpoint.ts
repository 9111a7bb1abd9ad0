/**
 * GET /api/metrics (issue 17): Prometheus text format for a scraper holding `METRICS_TOKEN` as a bearer token;
 * without it — or with no token configured — 401 and nothing else. The queue gauges are read from the database
 * at scrape time (the queue is shared by every instance); everything else is this instance's own counters.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { log } from '@/lib/log';
import { metrics, metricsAuthorized, setQueueGauges } from '@/lib/metrics';
import { queueStats } from '@/lib/outbox';

type QueueStats = Awaited<ReturnType<typeof queueStats>>;

export async function metricsResponse(
  authorization: string | null,
  opts: { token?: string; queue?: () => Promise<QueueStats> } = {},
): Promise<Response> {
  const token = 'token' in opts ? opts.token : getConfig().metricsToken;
  if (!metricsAuthorized(authorization, token)) {
    return new Response('metrics need the bearer token (METRICS_TOKEN)\n', { status: 401, headers: { 'www-authenticate': 'Bearer', 'cache-control': 'no-store' } });
  }
  try {
    const stats = await (opts.queue ?? (async () => queueStats(await getDb())))();
    setQueueGauges(stats.counts, stats.oldestDueAt);
  } catch (error) {
    // The rest of the metrics still help when the database does not answer (the health check says so too).
    log('warn', 'metrics.queue_unavailable', { error: error instanceof Error ? error : String(error) });
  }
  const registry = metrics().registry;
  return new Response(await registry.metrics(), { status: 200, headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
