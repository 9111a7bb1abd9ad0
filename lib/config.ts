/**
 * Configuration, read once from the environment and validated with zod. The only module that reads
 * `process.env` for settings; every name here is documented in `.env.example` and the README.
 */
import 'server-only';
import { z } from 'zod';
import { isTimeZone } from '@/lib/dates';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { registerSecret, setLogLevel, type LogLevel } from '@/lib/log';

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const logLevelOf = (value: string | undefined): LogLevel => (LOG_LEVELS.find((l) => l === value?.trim().toLowerCase()) ?? 'info');

export type NetcoreRegion = 'us' | 'in' | 'eu';

/** The regions' documented hosts. EU activity upload host (apieu2) is from Netcore's public pages. */
export const NETCORE_HOSTS: Record<NetcoreRegion, { api: string; activity: string }> = {
  us: { api: 'https://api.netcoresmartech.com/apiv2', activity: 'https://api2.netcoresmartech.com' },
  in: { api: 'https://apiin.netcoresmartech.com/apiv2', activity: 'https://apiin2.netcoresmartech.com' },
  eu: { api: 'https://euceeapi.netcorecloud.net/apiv2', activity: 'https://apieu2.netcoresmartech.com' },
};

/**
 * Credentials the built-in simulators accept. They are sandbox-only values, like the keys a vendor
 * issues for its test environment; lib/sandbox/demo-staff.ts holds the simulator's side (a test checks
 * that both agree).
 */
export const SANDBOX_CREDENTIALS = {
  footprintsKey: 'sandbox-footprints-key',
  footprintsSecret: 'sandbox-footprints-secret',
  netcoreApiKey: 'sandbox-netcore-key',
  netcoreAssetId: 'sandbox-asset',
  netcoreListId: '1',
  loyaltyClientId: 'sandbox-loyalty-client',
  loyaltyClientSecret: 'sandbox-loyalty-secret',
  loyaltyBusinessUnit: 'STOREDESK_RETAIL',
  authSecret: 'storedesk-sandbox-only-auth-secret-not-for-production',
} as const;

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const optionalUrl = optionalString.pipe(z.url({ protocol: /^https?$/ }).optional());

const EnvSchema = z.object({
  SANDBOX: z.enum(['0', '1', 'true', 'false', '']).optional(),
  NEXTAUTH_URL: optionalUrl,
  ALLOW_INSECURE_HTTP: z.enum(['0', '1', '']).optional(),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  SANDBOX_ORIGIN: optionalUrl,
  PORT: optionalString,
  FOOTPRINTS_BASE_URL: optionalUrl,
  FOOTPRINTS_API_KEY: optionalString,
  FOOTPRINTS_API_SECRET: optionalString,
  NETCORE_REGION: z.enum(['us', 'in', 'eu']).default('eu'),
  NETCORE_API_BASE_URL: optionalUrl,
  NETCORE_ACTIVITY_BASE_URL: optionalUrl,
  NETCORE_API_KEY: optionalString,
  NETCORE_ASSET_ID: optionalString,
  NETCORE_LIST_ID: optionalString,
  LOYALTY_BASE_URL: optionalUrl,
  LOYALTY_TOKEN_URL: optionalUrl,
  LOYALTY_CLIENT_ID: optionalString,
  LOYALTY_CLIENT_SECRET: optionalString,
  LOYALTY_BUSINESS_UNIT: optionalString,
  VENDOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  DATABASE_URL: optionalString,
  DATA_DIR: optionalString,
  AUTH_SECRET: optionalString,
  ADMIN_USERNAMES: optionalString,
  STORE_TIMEZONE: optionalString,
  DEFAULT_LOCALE: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(LOCALES).default('ro')),
  SESSION_MAX_HOURS: z.coerce.number().min(0.01).max(24).default(10),
  HOSTESS_IDLE_MINUTES: z.coerce.number().min(0.1).max(240).default(15),
  STAFF_IDLE_MINUTES: z.coerce.number().min(0.1).max(480).default(30),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  OUTBOX_WORKER: z.enum(['0', '1']).default('1'),
  LEAD_SYNC: z.enum(['0', '1']).default('1'),
  LEAD_SYNC_INTERVAL_MS: z.coerce.number().int().min(1_000).max(24 * 3_600_000).default(5 * 60_000),
  LOG_LEVEL: optionalString,
  METRICS_TOKEN: optionalString,
  STOREDESK_COMMIT: optionalString,
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
});

export interface AppConfig {
  sandbox: boolean;
  /** Where the console reaches its own sandbox routes (server side only). */
  sandboxOrigin: string;
  vendorTimeoutMs: number;
  footprints: { baseUrl: string; apiKey: string; apiSecret: string };
  netcore: {
    region: NetcoreRegion;
    apiBaseUrl: string;
    activityBaseUrl: string;
    apiKey: string;
    assetId: string;
    listId?: string;
  };
  loyalty: { baseUrl: string; tokenUrl: string; clientId: string; clientSecret: string; businessUnit?: string };
  database: { url?: string; dataDir: string; connectTimeoutMs: number; statementTimeoutMs: number };
  auth: {
    secret: string;
    adminUsernames: string[];
    sessionMaxHours: number;
    hostessIdleMinutes: number;
    /** Idle limit of desk staff sessions (manager, support, admin). */
    staffIdleMinutes: number;
  };
  /** The console's public URL (NEXTAUTH_URL); undefined only in sandbox mode. */
  publicUrl?: string;
  /** Cookies are Secure and carry the __Secure-/__Host- prefixes: exactly when the public URL is https. */
  secureCookies: boolean;
  /** ALLOW_INSECURE_HTTP=1 outside sandbox mode: plain http on purpose; admins see a warning banner. */
  insecureHttp: boolean;
  /** Trusted reverse proxies in front of the console (0: X-Forwarded-For is ignored, the socket peer is the client). */
  trustedProxyHops: number;
  storeTimezone: string;
  /** The language of a request with no saved choice, no tablet cookie and no Accept-Language the console speaks (DEFAULT_LOCALE, default ro). */
  defaultLocale: Locale;
  outboxWorker: boolean;
  /** LEAD_SYNC: '1' (default) runs the periodic lead sync on this instance, '0' does not (manual refresh still works). */
  leadSync: boolean;
  /** LEAD_SYNC_INTERVAL_MS: the periodic sync's tick (default 5 minutes; the fleet harness shortens it). */
  leadSyncIntervalMs: number;
  /** The lowest level printed (LOG_LEVEL: debug, info, warn or error; anything else: info). */
  logLevel: LogLevel;
  /** Bearer token of GET /api/metrics (METRICS_TOKEN); unset: the endpoint refuses every request. */
  metricsToken: string | undefined;
  /** The source commit this console was built from (STOREDESK_COMMIT, else the one `next build` saw in git; 'unknown'). */
  commit: string;
  /** OTLP/HTTP collector (OTEL_EXPORTER_OTLP_ENDPOINT): traces are exported there; unset: no tracing at all. */
  otlpEndpoint: string | undefined;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Storedesk configuration is not valid:\n- ${problems.join('\n- ')}\nSee .env.example.`);
    this.name = 'ConfigError';
  }
}


/** Pure: builds the config from an environment record. Throws ConfigError listing every problem. */
export function loadConfig(source: Record<string, string | undefined>): AppConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];

  // Sandbox mode only when asked for: a console without credentials refuses to start (issue 11) instead of
  // silently serving demo logins and a known secret.
  const sandbox = env.SANDBOX === '1' || env.SANDBOX === 'true';

  const port = env.PORT ?? '3000';
  const sandboxOrigin = (env.SANDBOX_ORIGIN ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');
  const timezone = env.STORE_TIMEZONE ?? 'Europe/Bucharest';
  if (!isTimeZone(timezone)) problems.push(`STORE_TIMEZONE: "${timezone}" is not an IANA time zone`);

  const database = {
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR ?? '.data',
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
  };
  const publicUrl = env.NEXTAUTH_URL?.replace(/\/+$/, '');
  const common = {
    publicUrl,
    secureCookies: Boolean(publicUrl?.startsWith('https://')),
    insecureHttp: !sandbox && env.ALLOW_INSECURE_HTTP === '1' && !publicUrl?.startsWith('https://'),
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    // STOREDESK_BUILD_COMMIT is written into the build by next.config.mjs (git rev-parse at build time).
    commit: env.STOREDESK_COMMIT ?? (process.env.STOREDESK_BUILD_COMMIT || 'unknown'),
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    defaultLocale: env.DEFAULT_LOCALE,
  };
  if (!sandbox) {
    if (!publicUrl) problems.push('NEXTAUTH_URL (the console\'s public https URL) is required outside sandbox mode');
    else if (!publicUrl.startsWith('https://') && env.ALLOW_INSECURE_HTTP !== '1') {
      problems.push('NEXTAUTH_URL must be an https URL outside sandbox mode (ALLOW_INSECURE_HTTP=1 allows plain http on purpose)');
    }
  }
  const adminUsernames = (env.ADMIN_USERNAMES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

  let config: AppConfig;
  if (sandbox) {
    const s = SANDBOX_CREDENTIALS;
    config = {
      sandbox,
      sandboxOrigin,
      vendorTimeoutMs: env.VENDOR_TIMEOUT_MS,
      footprints: { baseUrl: `${sandboxOrigin}/sandbox/footprints`, apiKey: s.footprintsKey, apiSecret: s.footprintsSecret },
      netcore: {
        region: env.NETCORE_REGION,
        apiBaseUrl: `${sandboxOrigin}/sandbox/netcore-api/apiv2`,
        activityBaseUrl: `${sandboxOrigin}/sandbox/netcore-activity`,
        apiKey: s.netcoreApiKey,
        assetId: s.netcoreAssetId,
        listId: s.netcoreListId,
      },
      loyalty: {
        baseUrl: `${sandboxOrigin}/sandbox/loyalty`,
        tokenUrl: `${sandboxOrigin}/sandbox/loyalty/oauth/token`,
        clientId: s.loyaltyClientId,
        clientSecret: s.loyaltyClientSecret,
        businessUnit: s.loyaltyBusinessUnit,
      },
      database,
      auth: {
        secret: env.AUTH_SECRET ?? s.authSecret,
        adminUsernames,
        sessionMaxHours: env.SESSION_MAX_HOURS,
        hostessIdleMinutes: env.HOSTESS_IDLE_MINUTES,
        staffIdleMinutes: env.STAFF_IDLE_MINUTES,
      },
      ...common,
      storeTimezone: timezone,
      outboxWorker: env.OUTBOX_WORKER === '1',
      leadSync: env.LEAD_SYNC === '1',
      leadSyncIntervalMs: env.LEAD_SYNC_INTERVAL_MS,
      logLevel: logLevelOf(env.LOG_LEVEL),
      metricsToken: env.METRICS_TOKEN,
    };
  } else {
    const need = (name: keyof typeof env, value: string | undefined) => {
      if (!value) problems.push(`${name} is required outside sandbox mode`);
      return value ?? '';
    };
    const hosts = NETCORE_HOSTS[env.NETCORE_REGION];
    config = {
      sandbox,
      sandboxOrigin,
      vendorTimeoutMs: env.VENDOR_TIMEOUT_MS,
      footprints: {
        baseUrl: need('FOOTPRINTS_BASE_URL', env.FOOTPRINTS_BASE_URL),
        apiKey: need('FOOTPRINTS_API_KEY', env.FOOTPRINTS_API_KEY),
        apiSecret: need('FOOTPRINTS_API_SECRET', env.FOOTPRINTS_API_SECRET),
      },
      netcore: {
        region: env.NETCORE_REGION,
        apiBaseUrl: env.NETCORE_API_BASE_URL ?? hosts.api,
        activityBaseUrl: env.NETCORE_ACTIVITY_BASE_URL ?? hosts.activity,
        apiKey: need('NETCORE_API_KEY', env.NETCORE_API_KEY),
        assetId: need('NETCORE_ASSET_ID', env.NETCORE_ASSET_ID),
        listId: env.NETCORE_LIST_ID,
      },
      loyalty: {
        baseUrl: need('LOYALTY_BASE_URL', env.LOYALTY_BASE_URL),
        tokenUrl: need('LOYALTY_TOKEN_URL', env.LOYALTY_TOKEN_URL),
        clientId: need('LOYALTY_CLIENT_ID', env.LOYALTY_CLIENT_ID),
        clientSecret: need('LOYALTY_CLIENT_SECRET', env.LOYALTY_CLIENT_SECRET),
        businessUnit: env.LOYALTY_BUSINESS_UNIT,
      },
      database,
      auth: {
        secret: need('AUTH_SECRET', env.AUTH_SECRET),
        adminUsernames,
        sessionMaxHours: env.SESSION_MAX_HOURS,
        hostessIdleMinutes: env.HOSTESS_IDLE_MINUTES,
        staffIdleMinutes: env.STAFF_IDLE_MINUTES,
      },
      ...common,
      storeTimezone: timezone,
      outboxWorker: env.OUTBOX_WORKER === '1',
      leadSync: env.LEAD_SYNC === '1',
      leadSyncIntervalMs: env.LEAD_SYNC_INTERVAL_MS,
      logLevel: logLevelOf(env.LOG_LEVEL),
      metricsToken: env.METRICS_TOKEN,
    };
    if (config.auth.secret && config.auth.secret.length < 32) problems.push('AUTH_SECRET must be at least 32 characters');
    if (problems.length) problems.push('or set SANDBOX=1 to run on the built-in vendor simulators (demo, training, tests only)');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Every secret value in a config: registered with the logger so no log line can carry one. */
export function configSecrets(config: AppConfig): string[] {
  return [
    config.footprints.apiKey,
    config.footprints.apiSecret,
    config.netcore.apiKey,
    config.loyalty.clientId,
    config.loyalty.clientSecret,
    config.auth.secret,
    config.metricsToken,
  ].filter((v): v is string => Boolean(v));
}

const globalForConfig = globalThis as unknown as { __storedeskConfig?: AppConfig };

/** The OTLP endpoint, or undefined (also when the configuration is wrong: startServerOrExit reports that). */
export function otlpEndpointOrNone(): string | undefined {
  try {
    return getConfig().otlpEndpoint;
  } catch {
    return undefined;
  }
}

/** The process's configuration, read once. */
export function getConfig(): AppConfig {
  if (!globalForConfig.__storedeskConfig) {
    const config = loadConfig(process.env);
    configSecrets(config).forEach((secret) => registerSecret(secret));
    setLogLevel(config.logLevel);
    globalForConfig.__storedeskConfig = config;
  }
  return globalForConfig.__storedeskConfig;
}
