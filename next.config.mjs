/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  poweredByHeader: false,
  // Lets several builds coexist on one machine (parallel test runs); the default is .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // A build into another distDir gets its own tsconfig copy (Next adds the distDir's types to it).
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG || 'tsconfig.json' },
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
};

export default nextConfig;
