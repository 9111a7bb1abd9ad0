/** Next's server start hook: the client-address stamp, configuration check, migrations, the sandbox's seed, and the sync-queue worker. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so that every request served from now on carries its socket peer (lib/http/peer-address.ts).
  const { installPeerStamp } = await import('./lib/http/peer-address');
  installPeerStamp();
  const { startServerOrExit } = await import('./lib/server-start');
  await startServerOrExit();
}
