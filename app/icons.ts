import type { Metadata } from 'next';

/** The page icons every page links (public/, drawn by scripts/make-icons.mjs); the manifest link comes from app/manifest.ts. */
export const ICONS = {
  icon: [
    { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
    { url: '/icon-192.png', type: 'image/png', sizes: '192x192' },
  ],
  apple: [{ url: '/apple-touch-icon.png', sizes: '180x180' }],
} satisfies Metadata['icons'];
