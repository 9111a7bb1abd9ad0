import type { Metadata } from 'next';
import { CaptureDesk } from '@/components/capture/capture-desk';
import { requirePagePermission } from '@/lib/auth/session';
import { getCaptureCataloguesFor, storeTimezone } from '@/lib/capture/desk';

export const metadata: Metadata = { title: 'Lead capture' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  const session = await requirePagePermission('capture.create');
  // Loaded here, on the server (cached, with a time budget): typing never waits for a catalogue.
  const catalogues = await getCaptureCataloguesFor(session);
  return <CaptureDesk catalogues={catalogues} timeZone={storeTimezone()} />;
}
