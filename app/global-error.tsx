'use client';

import en from '@/messages/en.json';
import ro from '@/messages/ro.json';

/**
 * The root layout itself failed: no language was resolved and no translations are provided, so the page
 * says it in both languages, from the message files.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const ref = error.digest ?? '—';
  return (
    <html lang="ro">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 32 }}>
        {[ro, en].map((m, i) => (
          <section key={i} lang={i === 0 ? 'ro' : 'en'}>
            <h1>{m.status.error.globalTitle}</h1>
            <p>{m.status.error.text.replace('<mono>{ref}</mono>', ref)}</p>
            <button type="button" onClick={reset} style={{ minHeight: 44, padding: '0 16px' }}>
              {m.status.error.retry}
            </button>
          </section>
        ))}
      </body>
    </html>
  );
}
