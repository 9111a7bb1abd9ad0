/** Next's server start hook: database migrations, the sandbox's seed, and the sync-queue worker. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerBackground } = await import('./lib/server-start');
  await startServerBackground();
}
