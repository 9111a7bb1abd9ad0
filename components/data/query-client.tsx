'use client';

/**
 * TanStack Query where a page uses it (the pipeline, the code list, the sync queue), not in the root layout:
 * the sign-in page and the hostess pages ship none of it (issue 10, point 6 — lighter pages). In the browser
 * every such page shares one client, so its cache outlives a navigation as it did from the root; on the
 * server each render gets its own (a cache shared between requests would mix people's data).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ComponentType, type ReactNode } from 'react';

const OPTIONS = { defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } };
let browserClient: QueryClient | undefined;

function queryClient(): QueryClient {
  if (typeof window === 'undefined') return new QueryClient(OPTIONS);
  browserClient ??= new QueryClient(OPTIONS);
  return browserClient;
}

export function WithQueryClient({ children }: { children: ReactNode }) {
  const [client] = useState(queryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** The component inside its query client (for a page's top client component). */
export function withQueryClient<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function WithClient(props: P) {
    return (
      <WithQueryClient>
        <Component {...props} />
      </WithQueryClient>
    );
  }
  WithClient.displayName = `WithQueryClient(${Component.displayName ?? Component.name})`;
  return WithClient;
}
