/** Next's server start hook: configuration check, migrations, the sandbox's seed, and the sync-queue worker. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerOrExit } = await import('./lib/server-start');
  await startServerOrExit();
}
