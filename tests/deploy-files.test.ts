/**
 * Issue 17: the deployment files, checked without a container daemon (none on this machine or in CI). hadolint
 * runs when it is on PATH; otherwise (the usual case here) these structural checks stand in for it: the
 * Dockerfile's instructions are known ones, its stages are Node 20 slim, the final stage runs as a non-root user,
 * copies only the standalone output, the static assets and public/, has a HEALTHCHECK on /api/health and no
 * secret; compose.yaml parses, has PostgreSQL 16 with a volume, a one-shot migration the consoles wait for, two
 * console replicas and a reverse proxy whose configuration is in the repo; every variable it reads is in
 * .env.example; .dockerignore keeps secrets and builds out of the build context.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (file: string) => readFileSync(file, 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions: comments dropped, continuation lines joined. */
function dockerInstructions(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, keyword, args] = line.match(/^(\S+)\s*(.*)$/)!;
      return { keyword: keyword.toUpperCase(), args };
    });
}

const KEYWORDS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);
const SECRET_NAMES = /(SECRET|PASSWORD|API_KEY|TOKEN|CLIENT_SECRET|DATABASE_URL)/i;

/** The stages of a Dockerfile: each FROM and the instructions after it. */
function stages(instructions: Instruction[]): { from: string; name?: string; body: Instruction[] }[] {
  const out: { from: string; name?: string; body: Instruction[] }[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const [, image, name] = ins.args.match(/^(\S+)(?:\s+AS\s+(\S+))?$/i) ?? [];
      out.push({ from: image, name, body: [] });
    } else out.at(-1)?.body.push(ins);
  }
  return out;
}

describe('Dockerfile', () => {
  const instructions = dockerInstructions(read('Dockerfile'));
  const all = stages(instructions);
  const final = all.at(-1)!;

  it('uses only known instructions, and hadolint passes when it is installed', () => {
    expect(instructions.filter((i) => !KEYWORDS.has(i.keyword))).toEqual([]);
    const hadolint = spawnSync('hadolint', ['--version']);
    if (hadolint.status === 0) execFileSync('hadolint', ['Dockerfile'], { stdio: 'pipe' });
  });

  it('is multi-stage on Node 20 slim: install, then build, then a runtime stage', () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const stage of all) expect(stage.from).toMatch(/^node:20(\.\d+)*-slim$|^(deps|build)$/);
    const runs = all.flatMap((s) => s.body.filter((i) => i.keyword === 'RUN').map((i) => i.args));
    // `npm install`, not `npm ci`: a lockfile written on another platform lacks this one's optional binaries
    // and `npm ci` refuses it.
    const install = runs.findIndex((r) => /\bnpm install\b/.test(r));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(runs.filter((r) => /\bnpm ci\b/.test(r))).toEqual([]);
    expect(install).toBeLessThan(runs.findIndex((r) => /npm run build/.test(r)));
    // The runtime stage installs nothing and builds nothing.
    expect(final.body.filter((i) => i.keyword === 'RUN' && /npm/.test(i.args))).toEqual([]);
  });

  it('the final stage holds only the standalone output, the static assets and public/', () => {
    const copies = final.body.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      expect(copy.keyword).toBe('COPY');
      const [source] = copy.args.replace(/--(from|chown|chmod)=\S+\s*/g, '').split(/\s+/);
      expect(copy.args).toMatch(/--from=build\b/);
      expect(['/app/.next/standalone', '/app/.next/static', '/app/public']).toContain(source);
    }
    expect(final.body.find((i) => i.keyword === 'CMD')?.args).toContain('server.js');
  });

  it('runs as a non-root user, with a HEALTHCHECK on /api/health', () => {
    const users = final.body.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const userIndex = final.body.findIndex((i) => i.keyword === 'USER');
    const cmdIndex = final.body.findIndex((i) => i.keyword === 'CMD');
    expect(userIndex).toBeLessThan(cmdIndex);
    const health = final.body.find((i) => i.keyword === 'HEALTHCHECK');
    expect(health?.args).toMatch(/\bCMD\b.*\/api\/health/);
  });

  it('bakes no secret in: no ENV or ARG names a secret', () => {
    const declared = instructions.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG').flatMap((i) => i.args.split(/\s+/).map((kv) => kv.split('=')[0]));
    expect(declared.filter((name) => SECRET_NAMES.test(name))).toEqual([]);
  });
});

describe('compose.yaml', () => {
  const text = read('compose.yaml');
  const compose = parse(text) as { services: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown> };
  const services = compose.services;

  it('PostgreSQL 16 keeps its data in a named volume and reports its health', () => {
    expect(String(services.db.image)).toMatch(/^postgres:16\b/);
    const volumes = services.db.volumes as string[];
    expect(volumes.some((v) => /^pgdata:\/var\/lib\/postgresql\/data$/.test(v))).toBe(true);
    expect(compose.volumes).toHaveProperty('pgdata');
    expect(services.db.healthcheck).toBeTruthy();
  });

  it('a one-shot migration runs db-migrate after the database is healthy; the consoles wait for it to succeed', () => {
    expect(services.migrate.command).toEqual(['node', 'scripts/db-migrate.mjs']);
    expect(services.migrate.restart).toBe('no');
    expect(services.migrate.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(services.console.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
    // The same image: the migration command ships in the standalone output.
    expect(services.migrate.image).toBe(services.console.image);
  });

  it('two console replicas behind a reverse proxy whose configuration is in the repo', () => {
    expect((services.console.deploy as { replicas: number }).replicas).toBe(2);
    expect((services.console.environment as Record<string, string>).TRUSTED_PROXY_HOPS).toBe('1');
    expect(String(services.proxy.image)).toMatch(/^caddy:2\b/);
    const mount = (services.proxy.volumes as string[]).find((v) => v.endsWith(':/etc/caddy/Caddyfile:ro'))!;
    const file = mount.split(':')[0].replace(/^\.\//, '');
    expect(existsSync(file)).toBe(true);
    const caddy = read(file);
    expect(caddy).toMatch(/reverse_proxy/);
    expect(caddy).toMatch(/name console/);
    expect(caddy).toMatch(/health_uri \/api\/health/);
    // Only the proxy publishes ports.
    for (const [name, service] of Object.entries(services)) if (name !== 'proxy') expect(service.ports, name).toBeUndefined();
  });

  it('holds no secret: passwords and keys come from the environment (.env), and every variable it reads is in .env.example', () => {
    for (const service of Object.values(services)) {
      const env = (service.environment ?? {}) as Record<string, string>;
      for (const [name, value] of Object.entries(env)) {
        if (SECRET_NAMES.test(name) || /:\/\/[^:/]+:[^@]+@/.test(String(value))) expect(String(value), name).toMatch(/\$\{[A-Z_]+(:[?-][^}]*)?\}/);
      }
    }
    const example = read('.env.example');
    const used = [...text.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const name of new Set(used)) expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});

describe('.dockerignore', () => {
  it('keeps local settings, dependencies, builds, data and git out of the build context', () => {
    const lines = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['.env', '.env.*', '.git', 'node_modules', '.next', '.data']) expect(lines, entry).toContain(entry);
  });
});
