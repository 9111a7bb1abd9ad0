import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto mt-16 max-w-lg rounded-2xl bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">404 · Not found</p>
      <h1 className="mt-2 text-2xl font-bold">There is nothing at this address</h1>
      <p className="mt-4 text-base text-slate-700">The link may be old or mistyped. Use the menu to find your page.</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-blue-700 px-4 font-semibold text-white">
        Go to Storedesk
      </Link>
    </main>
  );
}
