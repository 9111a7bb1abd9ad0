'use client';

import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from './button';
import { UiWord } from './ui-word';

/** A file made on the server (an action's answer), or why it was not. */
export type DownloadResult = { ok: true; text: string; filename: string; type?: string } | { ok: false; message: string };

/** Hands text to the browser as a downloaded file. */
export function saveFile(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface DownloadButtonProps extends Omit<ButtonProps, 'onClick' | 'pending' | 'type'> {
  /** Asks the server for the file (an action); called once per click, never twice at a time. */
  fetchFile: () => Promise<DownloadResult>;
  /** After the file was handed to the browser. */
  onSaved?: (filename: string) => void;
  /** A refusal or failure; without it the message is shown under the button. */
  onFailed?: (message: string) => void;
  children: ReactNode;
}

/** A button that fetches a file from the server and downloads it, showing that it works meanwhile. */
export function DownloadButton({ fetchFile, onSaved, onFailed, pendingLabel = <UiWord word="preparing" />, variant = 'secondary', children, ...rest }: DownloadButtonProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function download() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const result = await fetchFile();
      if (!result.ok) {
        if (onFailed) onFailed(result.message);
        else setError(result.message);
        return;
      }
      saveFile(result.text, result.filename, result.type);
      onSaved?.(result.filename);
    } finally {
      setPending(false);
    }
  }
  const button = (
    <Button type="button" variant={variant} pending={pending} pendingLabel={pendingLabel} onClick={() => void download()} {...rest}>
      {children}
    </Button>
  );
  if (onFailed) return button;
  return (
    <div className="flex flex-col items-end gap-1">
      {button}
      {error ? (
        <p role="status" className="text-sm text-red-700" data-testid="download-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
