'use client';

import type { ActionResult } from '@/lib/errors';
import { checkPdfFiles, type DocumentKind } from '@/lib/leads/pdf';

/** The browser's quick check (the server checks again): type, content (magic bytes), size, count. */
export async function quickPdfCheck(files: readonly File[]): Promise<string[]> {
  const candidates = await Promise.all(
    files.map(async (f) => ({ name: f.name, size: f.size, type: f.type, head: new Uint8Array(await f.slice(0, 8).arrayBuffer()) })),
  );
  return checkPdfFiles(candidates);
}

/** Uploads documents through the console's upload route (multipart; see app/(console)/leads/[id]/documents/route.ts). */
export async function uploadLeadFiles(
  leadId: string,
  documentType: DocumentKind,
  files: readonly File[],
  leadActionId?: string,
): Promise<ActionResult<{ uploaded: string[] }>> {
  const body = new FormData();
  body.set('documentType', documentType);
  if (leadActionId) body.set('leadActionId', leadActionId);
  for (const f of files) body.append('files', f, f.name);
  try {
    const res = await fetch(`/leads/${encodeURIComponent(leadId)}/documents`, { method: 'POST', body });
    const json = (await res.json().catch(() => null)) as ActionResult<{ uploaded: string[] }> | null;
    if (json && typeof json === 'object' && 'ok' in json) return json;
    return { ok: false, error: { code: 'internal', message: `The upload failed (HTTP ${res.status}). Try again.` } };
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The upload did not reach the console. Check the connection and try again.', retryable: true } };
  }
}

export function formatValue(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(value);
}
