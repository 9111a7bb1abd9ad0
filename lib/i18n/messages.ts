/** The message files (messages/<locale>.json), loaded per language; English is the reference shape. */
import type en from '@/messages/en.json';
import type { Locale } from './locales';

export type Messages = typeof en;

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}
