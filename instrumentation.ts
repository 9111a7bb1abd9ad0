/** Next's server start hook: database migrations, the sandbox's seed, and the sync-queue worker. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerBackground } = await import('./lib/server-start');
  try {
    await startServerBackground();
  } catch (error) {
    // A console that is not configured, or sandbox mode aimed at a real database, does not start at all.
    const name = error instanceof Error ? error.name : '';
    if (name === 'ConfigError' || name === 'SandboxDatabaseError') {
      process.stderr.write(`\n${(error as Error).message}\n\n`);
      process.exit(1);
    }
    throw error;
  }
}
