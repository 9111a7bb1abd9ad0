'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { CaptureFormValues } from '@/lib/capture/inputs';
import type { Locale } from '@/lib/i18n/locales';
import { announceQueueChange, byAge, deviceQueue, DEVICE_QUEUE_EVENT, putBackValues, type QueuedCapture } from '@/components/offline/device-queue';
import { newUuid } from './ids';

/**
 * Captures the console refused when the tablet sent them (a field, a retired consent text): they stay on the
 * tablet marked "needs attention" until the hostess puts one back in the form to fix it, or discards it.
 */
export function DeviceAttention({ onPutBack, consentVersions }: { onPutBack: (values: CaptureFormValues) => void; consentVersions: Record<Locale, string> }) {
  const t = useTranslations('offline');
  const [items, setItems] = useState<QueuedCapture[]>([]);
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      void deviceQueue()
        .all()
        .then((all) => alive && setItems(byAge(all).filter((i) => i.state === 'needs-attention')))
        .catch(() => undefined);
    refresh();
    window.addEventListener(DEVICE_QUEUE_EVENT, refresh);
    return () => {
      alive = false;
      window.removeEventListener(DEVICE_QUEUE_EVENT, refresh);
    };
  }, []);
  if (!items.length) return null;
  const remove = async (key: string) => {
    await deviceQueue().remove(key);
    announceQueueChange();
  };
  return (
    <section aria-labelledby="needs-attention-title" data-testid="needs-attention" className="mt-3 rounded-lg bg-red-50 p-3 text-red-950">
      <h2 id="needs-attention-title" className="font-bold">
        {t('attentionTitle')}
      </h2>
      <ul className="mt-2 flex flex-col gap-3">
        {items.map((item) => (
          <li key={item.key} data-testid="needs-attention-item" className="flex flex-col gap-2">
            <p>
              {t.rich('attentionItem', {
                b: (chunks) => <span className="font-semibold">{chunks}</span>,
                name: `${item.values.firstName} ${item.values.lastName.slice(0, 1)}.`,
                hostess: item.hostess.name,
                message: item.message ?? '',
              })}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                onClick={async () => {
                  onPutBack(putBackValues(item.values, consentVersions, newUuid()));
                  await remove(item.key);
                }}
              >
                {t('putBack')}
              </Button>
              <Button variant="danger" onClick={() => void remove(item.key)}>
                {t('discard')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
