import type { Metadata } from 'next';
import { CaptureDesk } from '@/components/capture/capture-desk';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { captureCataloguesFor, captureTicketFor } from '@/lib/capture/queries';

export const metadata: Metadata = { title: 'Lead capture' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const session = await requirePagePermission('capture.create');
  // Loaded here, on the server (cached, with a time budget): typing never waits for a catalogue.
  const catalogues = await captureCataloguesFor(session);
  return (
    <CaptureDesk
      catalogues={catalogues}
      cataloguesAt={new Date().toISOString()}
      hostess={{ subject: session.subject, name: session.displayName, ticket: captureTicketFor(session) }}
      canForgetTablet={can(session.roles, 'capture.forgetTablet')}
      timeZone={getConfig().storeTimezone}
    />
  );
}
