import { describe, expect, it } from 'vitest';
import * as simulatorSide from '@/lib/sandbox/demo-staff';
import { ConfigError, loadConfig, SANDBOX_CREDENTIALS } from './config';

const LIVE = {
  FOOTPRINTS_BASE_URL: 'https://crm.example.test/prefix/',
  FOOTPRINTS_API_KEY: 'fp-key',
  FOOTPRINTS_API_SECRET: 'fp-secret',
  NETCORE_API_KEY: 'nc-key',
  NETCORE_ASSET_ID: 'asset',
  LOYALTY_BASE_URL: 'https://loyalty.example.test',
  LOYALTY_TOKEN_URL: 'https://loyalty.example.test/oauth/token',
  LOYALTY_CLIENT_ID: 'client',
  LOYALTY_CLIENT_SECRET: 'secret',
  AUTH_SECRET: 'x'.repeat(40),
  NEXTAUTH_URL: 'https://storedesk.example.test',
};

describe('loadConfig', () => {
  it('is in sandbox mode with SANDBOX=1, pointing every client at /sandbox', () => {
    const c = loadConfig({ SANDBOX: '1', PORT: '3100' });
    expect(c.sandbox).toBe(true);
    expect(c.footprints.baseUrl).toBe('http://127.0.0.1:3100/sandbox/footprints');
    expect(c.netcore.apiBaseUrl).toBe('http://127.0.0.1:3100/sandbox/netcore-api/apiv2');
    expect(c.netcore.activityBaseUrl).toBe('http://127.0.0.1:3100/sandbox/netcore-activity');
    expect(c.loyalty.baseUrl).toBe('http://127.0.0.1:3100/sandbox/loyalty');
    expect(c.storeTimezone).toBe('Europe/Bucharest');
    expect(c.defaultLocale).toBe('ro');
    expect(loadConfig({ SANDBOX: '1', DEFAULT_LOCALE: ' EN ' }).defaultLocale).toBe('en');
    expect(c.database).toMatchObject({ url: undefined, dataDir: '.data' });
  });

  it('refuses to start with neither credentials nor SANDBOX=1, naming the missing variables', () => {
    for (const env of [{}, { SANDBOX: '0' }, { PORT: '3000' }]) {
      let message = '';
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        message = (e as Error).message;
      }
      for (const name of ['FOOTPRINTS_BASE_URL', 'FOOTPRINTS_API_KEY', 'NETCORE_API_KEY', 'LOYALTY_CLIENT_SECRET', 'AUTH_SECRET', 'NEXTAUTH_URL', 'SANDBOX=1']) {
        expect(message).toContain(name);
      }
    }
  });

  it('requires an https public URL outside sandbox mode unless ALLOW_INSECURE_HTTP=1, and then flags it', () => {
    expect(() => loadConfig({ ...LIVE, NEXTAUTH_URL: 'http://storedesk.example.test' })).toThrow(/NEXTAUTH_URL must be an https URL/);
    const insecure = loadConfig({ ...LIVE, NEXTAUTH_URL: 'http://storedesk.example.test', ALLOW_INSECURE_HTTP: '1' });
    expect(insecure.insecureHttp).toBe(true);
    expect(insecure.secureCookies).toBe(false);
    const secure = loadConfig(LIVE);
    expect(secure.secureCookies).toBe(true);
    expect(secure.insecureHttp).toBe(false);
    // The sandbox on localhost is plain http without a warning.
    expect(loadConfig({ SANDBOX: '1' }).insecureHttp).toBe(false);
  });

  it('gives desk staff their own idle limit (default 30 min) next to the hostess one (15 min)', () => {
    const c = loadConfig(LIVE);
    expect(c.auth.hostessIdleMinutes).toBe(15);
    expect(c.auth.staffIdleMinutes).toBe(30);
    expect(loadConfig({ ...LIVE, STAFF_IDLE_MINUTES: '45' }).auth.staffIdleMinutes).toBe(45);
  });

  it('trusts no forwarded header unless told how many proxies stand in front (TRUSTED_PROXY_HOPS, default 0)', () => {
    expect(loadConfig(LIVE).trustedProxyHops).toBe(0);
    expect(loadConfig({ SANDBOX: '1' }).trustedProxyHops).toBe(0);
    expect(loadConfig({ ...LIVE, TRUSTED_PROXY_HOPS: '2' }).trustedProxyHops).toBe(2);
  });

  it('runs the periodic lead sync unless LEAD_SYNC=0 (like OUTBOX_WORKER), every 5 minutes unless LEAD_SYNC_INTERVAL_MS says', () => {
    expect(loadConfig(LIVE)).toMatchObject({ leadSync: true, leadSyncIntervalMs: 300_000, outboxWorker: true });
    expect(loadConfig({ ...LIVE, LEAD_SYNC: '0' })).toMatchObject({ leadSync: false, outboxWorker: true });
    expect(loadConfig({ SANDBOX: '1', LEAD_SYNC: '0', LEAD_SYNC_INTERVAL_MS: '20000' })).toMatchObject({ leadSync: false, leadSyncIntervalMs: 20_000 });
    expect(() => loadConfig({ SANDBOX: '1', LEAD_SYNC: 'no' })).toThrow(ConfigError);
  });

  it('reads LOG_LEVEL: debug turns debug lines on, anything else leaves info and above', () => {
    expect(loadConfig({ SANDBOX: '1', PORT: '3100' }).logLevel).toBe('info');
    expect(loadConfig({ SANDBOX: '1', PORT: '3100', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(loadConfig({ SANDBOX: '1', PORT: '3100', LOG_LEVEL: 'verbose' }).logLevel).toBe('info');
    expect(loadConfig({ SANDBOX: '1', PORT: '3100', LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(loadConfig({ SANDBOX: '1', PORT: '3100', LOG_LEVEL: 'ERROR' }).logLevel).toBe('error');
  });

  it('leaves sandbox mode when credentials are configured, and SANDBOX=1 forces it back', () => {
    const live = loadConfig(LIVE);
    expect(live.sandbox).toBe(false);
    expect(live.footprints.baseUrl).toBe('https://crm.example.test/prefix/');
    expect(live.netcore.apiBaseUrl).toBe('https://euceeapi.netcorecloud.net/apiv2');
    expect(live.netcore.activityBaseUrl).toBe('https://apieu2.netcoresmartech.com');
    expect(loadConfig({ ...LIVE, SANDBOX: '1' }).sandbox).toBe(true);
  });

  it('picks the Netcore region hosts and lets the two URLs override them', () => {
    expect(loadConfig({ ...LIVE, NETCORE_REGION: 'us' }).netcore.apiBaseUrl).toBe('https://api.netcoresmartech.com/apiv2');
    expect(loadConfig({ ...LIVE, NETCORE_REGION: 'in' }).netcore.activityBaseUrl).toBe('https://apiin2.netcoresmartech.com');
    const custom = loadConfig({ ...LIVE, NETCORE_API_BASE_URL: 'http://mock.test/x/apiv2', NETCORE_ACTIVITY_BASE_URL: 'http://mock.test/a' });
    expect(custom.netcore.apiBaseUrl).toBe('http://mock.test/x/apiv2');
    expect(custom.netcore.activityBaseUrl).toBe('http://mock.test/a');
  });

  it('names every missing setting outside sandbox mode, AUTH_SECRET included', () => {
    try {
      loadConfig({ SANDBOX: '0', FOOTPRINTS_API_KEY: 'k' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      for (const name of ['FOOTPRINTS_BASE_URL', 'FOOTPRINTS_API_SECRET', 'NETCORE_API_KEY', 'LOYALTY_TOKEN_URL', 'AUTH_SECRET']) expect(msg).toContain(name);
      expect(msg).not.toContain('FOOTPRINTS_API_KEY is required');
    }
  });

  it('rejects a bad region, a bad URL and an unknown time zone', () => {
    expect(() => loadConfig({ SANDBOX: '1', NETCORE_REGION: 'mars' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...LIVE, FOOTPRINTS_BASE_URL: 'not a url' })).toThrow(/FOOTPRINTS_BASE_URL/);
    expect(() => loadConfig({ SANDBOX: '1', STORE_TIMEZONE: 'Europe/Atlantis' })).toThrow(/STORE_TIMEZONE/);
    expect(() => loadConfig({ SANDBOX: '1', DEFAULT_LOCALE: 'de' })).toThrow(/DEFAULT_LOCALE/);
  });

  it('uses the credentials the simulators accept in sandbox mode', () => {
    expect(SANDBOX_CREDENTIALS.footprintsKey).toBe(simulatorSide.SANDBOX_FOOTPRINTS_KEY);
    expect(SANDBOX_CREDENTIALS.footprintsSecret).toBe(simulatorSide.SANDBOX_FOOTPRINTS_SECRET);
    expect(SANDBOX_CREDENTIALS.netcoreApiKey).toBe(simulatorSide.SANDBOX_NETCORE_API_KEY);
    expect(SANDBOX_CREDENTIALS.loyaltyClientId).toBe(simulatorSide.SANDBOX_LOYALTY_CLIENT_ID);
    expect(SANDBOX_CREDENTIALS.loyaltyClientSecret).toBe(simulatorSide.SANDBOX_LOYALTY_CLIENT_SECRET);
    expect(SANDBOX_CREDENTIALS.loyaltyBusinessUnit).toBe(simulatorSide.SANDBOX_LOYALTY_BUSINESS_UNIT);
  });
});
