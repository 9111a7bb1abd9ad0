/**
 * The capture desk's entry points for the page and its actions, wired to the process's vendor clients,
 * configuration and sync worker. Everything here is a thin layer over the use cases beside it.
 */
import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import type { Db } from '@/lib/db';
import { wakeOutboxWorker } from '@/lib/outbox';
import { getFootprintsClient } from '@/lib/vendors/clients';
import { cachedLocationName, loadCaptureCatalogues, type CaptureCatalogues } from './catalogues';
import type { CaptureFormValues } from './form-schema';
import { submitCapture, type CaptureOutcome } from './submit';

/** The page never waits longer than this for Footprints' catalogues. */
export const CATALOGUE_BUDGET_MS = 3_000;

export interface DeskSession {
  subject: string;
  displayName: string;
  kind: string;
  device: string | null;
  accessToken: string;
}

export function getCaptureCataloguesFor(session: DeskSession): Promise<CaptureCatalogues> {
  return loadCaptureCatalogues(getFootprintsClient(), session.accessToken, session.kind, { budgetMs: CATALOGUE_BUDGET_MS });
}

export function storeTimezone(): string {
  return getConfig().storeTimezone;
}

export async function captureLead(db: Db, session: DeskSession, actor: AuditActorRef, values: CaptureFormValues): Promise<CaptureOutcome> {
  const outcome = await submitCapture(
    db,
    values,
    { subject: session.subject, name: session.displayName, userAgent: session.device },
    { storeTimezone: storeTimezone(), locationName: cachedLocationName(session.kind, values.locationId), wake: wakeOutboxWorker },
  );
  if (!outcome.duplicateRequest) {
    await recordAudit(db, {
      actor,
      action: 'capture.submit',
      target: { type: 'capture', id: outcome.submissionId },
      outcome: outcome.state === 'rejected' ? 'failure' : 'success',
      detail: {
        state: outcome.state,
        ...(outcome.state === 'sent' ? { footprintsLeadId: outcome.footprintsLeadId } : {}),
        consentWordingVersion: values.consentWordingVersion,
        locationId: values.locationId || null,
      },
      store: values.locationId || undefined,
    });
  }
  return outcome;
}
