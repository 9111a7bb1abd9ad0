import Link from 'next/link';
import type { ElementType } from 'react';

const CARDS = {
  notFound: {
    kicker: '404 · Not found',
    kickerClass: 'text-slate-600',
    title: 'There is nothing at this address',
    text: 'The link may be old or mistyped. Use the menu to find your page.',
    link: 'Go to Storedesk',
  },
  forbidden: {
    kicker: '403 · Not allowed',
    kickerClass: 'text-red-700',
    title: 'This page is not part of your role',
    text: 'Your role does not give access to this page. If you need it for your work, ask an admin.',
    link: 'Back to your pages',
  },
} as const;

/**
 * The 404 / 403 card. `as="main"` at the top level (app/not-found.tsx, app/forbidden.tsx: nothing else on
 * the page is a main landmark); inside the console its layout already has the one `main`, so the console's
 * own not-found / forbidden files render it as a plain section.
 */
export function StatusCard({ kind, as: Tag = 'section' }: { kind: keyof typeof CARDS; as?: ElementType }) {
  const card = CARDS[kind];
  return (
    <Tag className="mx-auto mt-16 max-w-lg rounded-2xl bg-white p-8 text-center shadow-sm" aria-labelledby={`${kind}-title`}>
      <p className={`text-sm font-semibold uppercase tracking-wide ${card.kickerClass}`}>{card.kicker}</p>
      <h1 id={`${kind}-title`} className="mt-2 text-2xl font-bold">
        {card.title}
      </h1>
      <p className="mt-4 text-base text-slate-700">{card.text}</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-blue-700 px-4 font-semibold text-white">
        {card.link}
      </Link>
    </Tag>
  );
}
