/** The console's environment for the Playwright journeys (scripts/e2e-server-env.mjs). */
export function e2eServerEnv(port: number, env?: NodeJS.ProcessEnv): Record<string, string>;
