'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { recordTabletForgottenAction } from '@/app/(console)/capture/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { deviceQueueCounts, DEVICE_QUEUE_EVENT } from '@/components/offline/device-queue';
import { forgetTablet, reportForgotten } from '@/components/offline/forgotten-tablet';
import { deviceId } from './ids';

const report = () =>
  reportForgotten(async (r) => {
    const answer = await recordTabletForgottenAction(r);
    return answer.ok;
  });

/**
 * For a manager, when captures wait on this tablet: "Forget this tablet" discards them after a confirmation.
 * The discard is audited when the tablet is online (at once, or when the network is back).
 */
export function ForgetTablet() {
  const [count, setCount] = useState(0);
  const t = useTranslations('offline');
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    let alive = true;
    const refresh = () => void deviceQueueCounts().then((c) => alive && setCount(c.waiting + c.attention));
    const sendRecords = () => {
      if (navigator.onLine) void report();
    };
    refresh();
    sendRecords();
    window.addEventListener(DEVICE_QUEUE_EVENT, refresh);
    window.addEventListener('online', sendRecords);
    return () => {
      alive = false;
      window.removeEventListener(DEVICE_QUEUE_EVENT, refresh);
      window.removeEventListener('online', sendRecords);
    };
  }, []);
  if (!count && !asking) return null;
  return (
    <div className="mt-3">
      <Button ref={buttonRef} variant="danger" onClick={() => setAsking(true)}>
        {t('forget')}
      </Button>
      {asking ? (
        <Dialog
          open
          role="alertdialog"
          size="sm"
          onClose={() => setAsking(false)}
          dismissible={!pending}
          returnFocus={buttonRef}
          initialFocus={keepRef}
          testId="forget-tablet"
          title={t('forgetTitle', { count })}
          description={t('forgetDescription')}
        >
          <div className="mt-4 flex flex-wrap gap-3">
            <Button
              variant="danger"
              pending={pending}
              pendingLabel={t('discarding')}
              onClick={async () => {
                setPending(true);
                try {
                  await forgetTablet(deviceId());
                  if (navigator.onLine) await report();
                } finally {
                  setPending(false);
                  setAsking(false);
                }
              }}
            >
              {t('discardThem')}
            </Button>
            <Button ref={keepRef} variant="secondary" onClick={() => setAsking(false)}>
              {t('keepThem')}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
