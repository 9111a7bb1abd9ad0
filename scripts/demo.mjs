// `npm run demo`: builds the console and starts it in sandbox mode on the embedded database,
// then prints the URL and the demo logins.
import { spawn, spawnSync } from 'node:child_process';

const port = process.env.PORT ?? '3000';
const env = { ...process.env, SANDBOX: '1', PORT: port, NEXT_TELEMETRY_DISABLED: '1' };
const next = 'node_modules/next/dist/bin/next';

console.log('Building Storedesk (about 30 s)…');
const build = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, [next, 'start', '-p', port], { stdio: ['ignore', 'pipe', 'inherit'], env });
let announced = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready|started server|Local:/i.test(String(chunk))) {
    announced = true;
    console.log(`
Storedesk is running in SANDBOX mode (simulated vendors, embedded database in ${env.DATA_DIR ?? '.data'}/).
  Open: http://localhost:${port}
  Hostess PINs:     1234 (Ioana Hostess), 5678 (Maria Hostess), 2468 (Elena Hostess, one store)
  Staff sign-in:    manager / manager-demo, support / support-demo, admin / admin-demo
  No role (yet):    newcomer / newcomer-demo; any trainee-<name> / trainee-demo (set them up on /admin/staff)
Stop with Ctrl+C.
`);
  }
});
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
