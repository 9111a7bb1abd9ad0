'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto mt-16 max-w-lg rounded-2xl bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold uppercase tracking-wide text-red-700">Something went wrong</p>
      <h1 className="mt-2 text-2xl font-bold">This page could not be shown</h1>
      <p className="mt-4 text-base text-slate-700">
        Nothing you saved is lost. Try again; if it keeps happening, give this reference to an admin:{' '}
        <span className="font-mono">{error.digest ?? 'none'}</span>
      </p>
      <button type="button" onClick={reset} className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-blue-700 px-4 font-semibold text-white">
        Try again
      </button>
    </main>
  );
}
