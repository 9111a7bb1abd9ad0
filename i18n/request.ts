/**
 * next-intl's request configuration (App Router without i18n routing: no locale in the URL). The language
 * comes from lib/i18n/request-locale.ts; dates are shown in the store's zone.
 */
import { getRequestConfig } from 'next-intl/server';
import { getConfig } from '@/lib/config';
import { requestLocale } from '@/lib/i18n/request-locale';
import { loadMessages } from '@/lib/i18n/messages';

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: await loadMessages(locale), timeZone: getConfig().storeTimezone };
});
