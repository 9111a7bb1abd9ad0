import type { MetadataRoute } from 'next';

/**
 * The web app manifest (/manifest.webmanifest; Next links it from every page). The icons live in public/,
 * drawn by scripts/make-icons.mjs; tests/public-assets.test.ts checks each listed file has its declared size.
 */
export const MANIFEST_ICONS = [
  { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const satisfies MetadataRoute.Manifest['icons'];

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Storedesk',
    short_name: 'Storedesk',
    description: 'The staff console of the store: lead capture, loyalty codes, pipeline, privacy requests.',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    background_color: '#f1f5f9',
    theme_color: '#1d4ed8',
    icons: [...MANIFEST_ICONS],
  };
}
