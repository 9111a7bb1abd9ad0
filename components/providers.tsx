'use client';

// First: zod must not probe eval under the console's CSP (lib/zod-csp.ts).
import '@/lib/zod-csp';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ToastProvider } from '@/components/ui/toast';
// Installs the plain-words zod error map in the browser (forms validate with the actions' schemas).
import '@/lib/staff-words';

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
