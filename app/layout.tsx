import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { ICONS } from './icons';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return {
    title: { default: 'Storedesk', template: '%s · Storedesk' },
    description: t('description'),
    robots: { index: false, follow: false },
    icons: ICONS,
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d4ed8' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, every page (404 included): Next puts proxy.ts's CSP nonce on its scripts only then.
  await connection();
  // The request's language (i18n/request.ts): the person's, the tablet's, the browser's, or DEFAULT_LOCALE.
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-100 font-sans text-slate-900 antialiased">
        {/* Client components get the language, its messages and the store's zone from the request config. */}
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
