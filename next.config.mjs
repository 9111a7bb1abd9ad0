import { execFileSync } from 'node:child_process';
import createNextIntlPlugin from 'next-intl/plugin';

/** The commit being built, for /admin/system (a build outside git, e.g. the container's, passes STOREDESK_COMMIT). */
function buildCommit() {
  if (process.env.STOREDESK_COMMIT) return process.env.STOREDESK_COMMIT;
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Inlined where lib/config.ts reads it: no secret, only the commit's short hash.
  env: { STOREDESK_BUILD_COMMIT: buildCommit() },
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  // Deployment build: .next/standalone holds server.js and only the files it needs (npm run start:standalone,
  // the Dockerfile). Next leaves .next/static and public/ out of it; scripts/start-standalone.mjs and the
  // Dockerfile copy them in.
  output: 'standalone',
  // Read at run time, not imported, so file tracing cannot see them: the migrations (applied at start and by
  // `npm run db:migrate`) and the one-shot migration command with the migrator it loads.
  outputFileTracingIncludes: {
    '/*': ['./lib/db/migrations/**/*', './scripts/db-migrate.mjs', './node_modules/drizzle-orm/**/*.{js,cjs,mjs,json}'],
  },
  // Lets several builds coexist on one machine (parallel test runs); the default is .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // A build into another distDir gets its own tsconfig copy (Next adds the distDir's types to it).
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG || 'tsconfig.json' },
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // Static files do not pass through proxy.ts; they get the same non-CSP headers here
  // (lib/http/security-headers.ts holds the values; this file cannot import TypeScript).
  async headers() {
    return [
      {
        source: '/_next/static/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), serial=()' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

// next-intl: the request configuration is i18n/request.ts (the language of each request, no locale in URLs).
// Messages are compiled at build time (next-intl's catalog loader): the browser gets the small formatter, not the
// ICU parser, which keeps the hostess pages within their page-weight budget (issue 10).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { format: 'json', path: './messages', locales: 'infer', precompile: true } },
});

export default withNextIntl(nextConfig);
