/** E-mail notifications from a Footprints template, with an optional PDF attachment. */
import 'server-only';
import { toBracketForm } from '@/lib/vendors/http';
import { NotificationInputSchema, baseName, hasPdfMagic, type NotificationInput } from './encode';
import { NotificationResponseSchema } from './schemas';
import { toBytes } from './transport';
import type { FootprintsTransport } from './transport';

export interface NotificationsApi {
  sendNotification(accessToken: string, input: NotificationInput): Promise<{ message?: string }>;
}

export function notificationsApi(t: FootprintsTransport): NotificationsApi {
  const { call, check, form, refuse } = t;
  return {
    // NOT safe to repeat: each call sends one more e-mail, with no key, and nothing lists what was sent, so a
    // lost answer cannot be checked. The console never retries it by itself (not queued); the caller says the
    // answer was lost rather than "not sent".
    async sendNotification(accessToken, input) {
      const operation = 'sendNotification';
      const { attachment, ...rest } = input;
      const v = check(operation, NotificationInputSchema, rest);
      let attachmentFields: Record<string, string> = {};
      if (attachment) {
        const bytes = toBytes(attachment.content);
        if (!attachment.fileName.toLowerCase().endsWith('.pdf') || !hasPdfMagic(bytes)) {
          throw refuse(operation, 'not sent: the attachment must be a PDF (file types allowed - pdf)');
        }
        attachmentFields = { attachmentFileName: baseName(attachment.fileName), attachmentFileContent: Buffer.from(bytes).toString('base64') };
      }
      const res = await call({
        operation,
        method: 'POST',
        path: '/api/notifications/send',
        accessToken,
        body: form(toBracketForm({ templateKey: v.templateKey, email: v.email, firstName: v.firstName, lastName: v.lastName, ...attachmentFields })),
        schema: NotificationResponseSchema,
        secrets: [v.email],
      });
      return { message: res.message ?? undefined };
    },
  };
}
