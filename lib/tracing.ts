/**
 * Traces, opt-in (issue 17): with OTEL_EXPORTER_OTLP_ENDPOINT set, instrumentation.ts registers the OpenTelemetry
 * Node SDK with an OTLP/HTTP exporter (`<endpoint>/v1/traces`, batched). Next then records its request and
 * server-action spans, and the console's own (vendor calls, sync-queue jobs) join them. Unset: this module and the
 * SDK are never loaded, and every span the console asks for is a non-recording one.
 */
import 'server-only';

export interface TracingHandle {
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const globalForTracing = globalThis as unknown as { __storedeskTracing?: TracingHandle };

export async function startTracing(endpoint: string): Promise<TracingHandle> {
  if (globalForTracing.__storedeskTracing) return globalForTracing.__storedeskTracing;
  const { BatchSpanProcessor, NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
  provider.register(); // global tracer provider, AsyncLocalStorage context, W3C trace-context propagation
  const handle = { flush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
  globalForTracing.__storedeskTracing = handle;
  return handle;
}
