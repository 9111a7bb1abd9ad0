import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CaptureDesk } from '@/components/capture/capture-desk';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { CONSENT_WORDINGS } from '@/lib/capture/consent-wording';
import { captureCataloguesFor, captureTicketFor } from '@/lib/capture/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('capture');
  return { title: t('metaTitle') };
}
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
      // Both languages' wording: the hostess may read it in the customer's language (a prop, not in the bundle).
      consent={CONSENT_WORDINGS}
    />
  );
}
