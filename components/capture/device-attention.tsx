'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CONSENT_WORDING } from '@/lib/capture/consent-wording';
import type { CaptureFormValues } from '@/lib/capture/inputs';
import { announceQueueChange, byAge, deviceQueue, DEVICE_QUEUE_EVENT, putBackValues, type QueuedCapture } from '@/components/offline/device-queue';
import { newUuid } from './ids';

/**
 * Captures the console refused when the tablet sent them (a field, a retired consent text): they stay on the
 * tablet marked "needs attention" until the hostess puts one back in the form to fix it, or discards it.
 */
export function DeviceAttention({ onPutBack }: { onPutBack: (values: CaptureFormValues) => void }) {
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
        Needs attention: saved on this tablet, refused by the console
      </h2>
      <ul className="mt-2 flex flex-col gap-3">
        {items.map((item) => (
          <li key={item.key} data-testid="needs-attention-item" className="flex flex-col gap-2">
            <p>
              <span className="font-semibold">
                {item.values.firstName} {item.values.lastName.slice(0, 1)}.
              </span>{' '}
              (captured by {item.hostess.name}): {item.message}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                onClick={async () => {
                  onPutBack(putBackValues(item.values, CONSENT_WORDING.version, newUuid()));
                  await remove(item.key);
                }}
              >
                Put back in the form
              </Button>
              <Button variant="danger" onClick={() => void remove(item.key)}>
                Discard
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
