// The environment of the console the Playwright journeys run against: used by playwright.config.ts when
// Playwright starts the server itself (one pass, `npx playwright test`), and by scripts/e2e.mjs, which starts
// one server for all its passes.
export function e2eServerEnv(port, env = process.env) {
  return {
    PORT: String(port),
    SANDBOX: '1',
    // Per port, so parallel runs on one machine never share an embedded database.
    DATA_DIR: `.data/e2e-${port}`,
    NEXT_DIST_DIR: env.NEXT_DIST_DIR ?? '.next',
    NEXT_TELEMETRY_DISABLED: '1',
    HOSTNAME: '127.0.0.1',
    // The specs play the part of one trusted proxy: a spec gives a client its own address with X-Forwarded-For
    // (e2e/security-signin.spec.ts), so its lockouts do not slow the rest of the suite on 127.0.0.1. The default,
    // no trusted proxy, is tried on a console of its own (e2e/security-clock.spec.ts).
    TRUSTED_PROXY_HOPS: '1',
    // Explicit, so that saved hostess sign-ins outlive a long run (two passes on a loaded machine take well
    // over the 15-minute default); the idle sign-out journey moves the browser clock past this value.
    HOSTESS_IDLE_MINUTES: env.E2E_HOSTESS_IDLE_MINUTES ?? '240',
    // The demo admin is also named in the configuration, as a real console's first admin is: the roles
    // journey removes the console-given admin role and checks the configuration alone keeps the admin.
    ADMIN_USERNAMES: 'admin',
    // The journeys written before issue 16 read English; the Romanian journeys choose Romanian on the sign-in
    // page or send Accept-Language: ro-RO (e2e/i18n-*.spec.ts).
    DEFAULT_LOCALE: 'en',
  };
}
