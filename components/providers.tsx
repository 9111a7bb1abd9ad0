'use client';

// First: zod must not probe eval under the console's CSP, and speaks the staff's words — wherever a page
// parses with zod (lib/zod-csp.ts, lib/staff-words.ts: zod's core `config` only, no zod in the first load).
import '@/lib/zod-csp';
import '@/lib/staff-words';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ToastProvider } from '@/components/ui/toast';
// zod is not loaded here: forms load it with their validation, on demand (components/forms/lazy-resolver.ts).

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } }));
  useEffect(() => {
    // Lets end-to-end tests (and nothing else) know React has attached its handlers.
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
