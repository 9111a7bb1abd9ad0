'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { saveLanguage } from '@/lib/auth/save-language';
import { LOCALES } from '@/lib/i18n/locales';

/** The header's language switcher: the choice follows the person (the tablet's cookie is set in the browser). */
export const saveLanguageAction = defineAction({
  name: 'account.saveLanguage',
  permission: 'account.language',
  schema: z.object({ locale: z.enum(LOCALES) }),
  handler: ({ locale }, { db, actor }) => saveLanguage(db, actor, locale),
});
