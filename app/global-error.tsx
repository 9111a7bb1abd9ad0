'use client';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 32 }}>
        <h1>Storedesk could not start this page</h1>
        <p>Nothing you saved is lost. Try again; if it keeps happening, give this reference to an admin: {error.digest ?? 'none'}</p>
        <button type="button" onClick={reset} style={{ minHeight: 44, padding: '0 16px' }}>
          Try again
        </button>
      </body>
    </html>
  );
}
