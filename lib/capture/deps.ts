/**
 * What the capture use cases need from the process, built in one place (the same shape in every feature:
 * lib/<feature>/deps.ts). Tests build their own vendors and pass them to the handlers.
 */
import 'server-only';
import type { StoreScope } from '@/lib/auth/stores';
import { getConfig } from '@/lib/config';
import { wakeOutboxWorker } from '@/lib/outbox';
import { getFootprintsClient } from '@/lib/vendors/clients';
import type { FootprintsClient } from '@/lib/vendors/footprints';

export interface CaptureDeps {
  footprints: FootprintsClient;
  /** The store's zone: the capture's date and "today" are read in it. */
  timeZone: string;
  /** Asks the sync worker to poll now (the capture's job was just queued). */
  wake: () => void;
  /** Signs and checks the hostess's capture ticket (capture-ticket.ts); without it, no ticket is accepted. */
  ticketSecret?: string;
}

export function captureDeps(): CaptureDeps {
  const config = getConfig();
  return { footprints: getFootprintsClient(), timeZone: config.storeTimezone, wake: wakeOutboxWorker, ticketSecret: config.auth.secret };
}

/** Who is capturing, from the session. */
export interface CaptureSession {
  subject: string;
  displayName: string;
  kind: string;
  device: string | null;
  accessToken: string;
  /** The stores the capturer works for (issue 12): the form offers these and a capture elsewhere is refused. */
  stores: StoreScope;
}
