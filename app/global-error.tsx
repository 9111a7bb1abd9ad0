'use client';

import { Suspense, use } from 'react';
import { LOCALES } from '@/lib/i18n/locales';

/**
 * The root layout itself failed: no language was resolved and no translations are provided, so the page
 * says it in both languages, from the message files. They are loaded only when this page renders (Next loads
 * this module with every page: a static import would put both whole catalogs in every first load).
 */
type Catalog = { status: { error: { globalTitle: string; text: string; retry: string } } };
let catalogs: Promise<Catalog[]> | null = null;
/** Every language of LOCALES, in its order (a new messages/<code>.json is found by its code). */
function loadCatalogs(): Promise<Catalog[]> {
  catalogs ??= Promise.all(LOCALES.map(async (locale) => ((await import(`@/messages/${locale}.json`)) as { default: Catalog }).default));
  return catalogs;
}

function Messages({ reference, reset }: { reference: string; reset: () => void }) {
  const all = use(loadCatalogs());
  return all.map((m, i) => (
    <section key={LOCALES[i]} lang={LOCALES[i]}>
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
    <html lang={LOCALES[0]}>
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 32 }}>
        <Suspense fallback={null}>
          <Messages reference={error.digest ?? '—'} reset={reset} />
        </Suspense>
      </body>
    </html>
  );
}
