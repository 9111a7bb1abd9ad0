'use client';

import { Suspense, use } from 'react';

/**
 * The root layout itself failed: no language was resolved and no translations are provided, so the page
 * says it in both languages, from the message files. They are loaded only when this page renders (Next loads
 * this module with every page: a static import would put both whole catalogs in every first load).
 */
type Catalog = { status: { error: { globalTitle: string; text: string; retry: string } } };
let catalogs: Promise<[Catalog, Catalog]> | null = null;
function loadCatalogs(): Promise<[Catalog, Catalog]> {
  catalogs ??= Promise.all([import('@/messages/ro.json'), import('@/messages/en.json')]).then(([ro, en]) => [ro.default, en.default]);
  return catalogs;
}

function Messages({ reference, reset }: { reference: string; reset: () => void }) {
  const [ro, en] = use(loadCatalogs());
  return [ro, en].map((m, i) => (
    <section key={i} lang={i === 0 ? 'ro' : 'en'}>
      <h1>{m.status.error.globalTitle}</h1>
      <p>{m.status.error.text.replace('<mono>{ref}</mono>', reference)}</p>
      <button type="button" onClick={reset} style={{ minHeight: 44, padding: '0 16px' }}>
        {m.status.error.retry}
      </button>
    </section>
  ));
}

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ro">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 32 }}>
        <Suspense fallback={null}>
          <Messages reference={error.digest ?? '—'} reset={reset} />
        </Suspense>
      </body>
    </html>
  );
}
