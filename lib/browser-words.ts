/**
 * The page's validation words in the browser: the root providers (components/providers.tsx) set them from the
 * request's messages ("validation"), and zod's global error map (lib/staff-words.ts) reads them when a form
 * parses. A holder, not a catalog: no message file is bundled for the browser.
 */
export type ValidationWords = (key: string, values?: Record<string, string>) => string;

let current: ValidationWords | null = null;

export function setBrowserValidationWords(words: ValidationWords | null): void {
  current = words;
}

export function browserValidationWords(): ValidationWords | null {
  return current;
}
