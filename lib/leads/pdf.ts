/**
 * What a lead document must be: a PDF by type and by content (it starts with "%PDF-"), at most 10 MB,
 * at most five per upload (Footprints' limit). Pure: the browser runs it for a quick message, the server
 * for the decision.
 */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_UPLOAD = 5;
export const DOCUMENT_KINDS = ['contracts', 'offers', 'consents'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function startsWithPdfMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

export interface CandidateFile {
  name: string;
  size: number;
  /** The browser's MIME type; '' when it does not know. */
  type: string;
  /** The first bytes of the file (at least five). */
  head: Uint8Array;
}

/** One message per refused file, naming it; empty when every file may go. */
export function checkPdfFiles(files: readonly CandidateFile[]): string[] {
  const problems: string[] = [];
  if (files.length === 0) return ['Choose at least one PDF file.'];
  if (files.length > MAX_FILES_PER_UPLOAD) problems.push(`At most ${MAX_FILES_PER_UPLOAD} files at a time (you chose ${files.length}).`);
  for (const f of files) {
    const name = f.name || 'The file';
    const mime = f.type.split(';')[0].trim().toLowerCase();
    if (f.size === 0) problems.push(`${name} is empty.`);
    else if (f.size > MAX_PDF_BYTES) problems.push(`${name} is ${(f.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB per file.`);
    else if (!startsWithPdfMagic(f.head)) problems.push(`${name} is not a PDF: its content is not a PDF document, whatever its name says.`);
    else if (mime && mime !== 'application/pdf' && mime !== 'application/octet-stream') problems.push(`${name} is not a PDF (type ${mime}).`);
  }
  return problems;
}
