/**
 * Mounts the vendor simulators (lib/sandbox) under /sandbox/… when sandbox mode is on; 404 otherwise,
 * so that outside sandbox mode the routes do not exist and nothing points at them.
 */
import { notFound } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { getSandbox } from '@/lib/sandbox/router';

export const dynamic = 'force-dynamic';

async function handle(req: Request, ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  if (!getConfig().sandbox) notFound();
  const { path } = await ctx.params;
  return getSandbox().handle(req, path.map(decodeURIComponent));
}

export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as PATCH };
