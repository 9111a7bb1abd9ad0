'use client';

import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/errors';
import { checkPdfFiles, type DocumentKind } from '@/lib/leads/pdf';

/** The browser's quick check (the server checks again): type, content (magic bytes), size, count. */
export async function quickPdfCheck(files: readonly File[]): Promise<string[]> {
  const candidates = await Promise.all(
    files.map(async (f) => ({ name: f.name, size: f.size, type: f.type, head: new Uint8Array(await f.slice(0, 8).arrayBuffer()) })),
  );
  return checkPdfFiles(candidates);
}

/** What the browser says itself when an upload gets no answer from the console (leads.upload.*). */
export interface UploadWords {
  http: (status: number) => string;
  offline: () => string;
}

export type UploadLeadFiles = (leadId: string, documentType: DocumentKind, files: readonly File[], leadActionId?: string) => Promise<ActionResult<{ uploaded: string[] }>>;

/** uploadLeadFiles with the page's words. */
export function useUploadLeadFiles(): UploadLeadFiles {
  const t = useTranslations('leads.upload');
  const words: UploadWords = { http: (status) => t('http', { status: String(status) }), offline: () => t('offline') };
  return (leadId, documentType, files, leadActionId) => uploadLeadFiles(words, leadId, documentType, files, leadActionId);
}

/** Uploads documents through the console's upload route (multipart; see app/(console)/leads/[id]/documents/route.ts). */
export async function uploadLeadFiles(
  words: UploadWords,
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
    return { ok: false, error: { code: 'internal', message: words.http(res.status) } };
  } catch {
    return { ok: false, error: { code: 'internal', message: words.offline(), retryable: true } };
  }
}
