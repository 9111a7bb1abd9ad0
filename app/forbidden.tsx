import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto mt-16 max-w-lg rounded-2xl bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold uppercase tracking-wide text-red-700">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-bold">This page is not part of your role</h1>
      <p className="mt-4 text-base text-slate-700">Your role does not give access to this page. If you need it for your work, ask an admin.</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-blue-700 px-4 font-semibold text-white">
        Back to your pages
      </Link>
    </main>
  );
}
