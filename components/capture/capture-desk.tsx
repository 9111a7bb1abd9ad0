'use client';

import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { CaptureCatalogues, CatalogueName } from '@/lib/capture/catalogues';
import type { ConsentWording } from '@/lib/capture/consent-wording';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { emptyCaptureForm } from '@/lib/capture/form-defaults';
import { formatInstant, todayInZone } from '@/lib/dates';
import { CaptureFields } from './capture-fields';
import { CaptureResultRegion } from './capture-result';
import type { QueuedCapture } from '@/components/offline/device-queue';
import { CATALOGUES_KEY, keepCatalogues, offlineCatalogues, readKeptCatalogues } from './device-catalogues';
import { DeviceAttention } from './device-attention';
import { ForgetTablet } from './forget-tablet';
import { keepShellOnDevice } from '@/components/offline/offline-shell';
import { newUuid } from './ids';
import { useIdleClear } from './idle-warning';
import { useLeaveGuard } from './leave-guard';
import { MySubmissionsPanel } from './my-submissions';
import { sectionOfError, type CaptureSectionId } from './sections';
import { useCaptureForm } from './use-capture-form';
import { useCaptureSave } from './use-capture-save';

// Its two dialogs are not in the page's first load (issue 10, point 6): fetched when she first touches the
// form (preloadDialogs), long before either can open (after a duplicates check, after two idle minutes).
const loadDuplicatesDialog = () => import('./duplicates-dialog');
const loadIdleWarning = () => import('./idle-warning-dialog');
const preloadDialogs = () => void Promise.all([loadDuplicatesDialog(), loadIdleWarning()]).catch(() => undefined);
// What the desk loads on demand, loaded before the service worker is told the desk's files (offline they must be there).
const loadOnDemandParts = () =>
  Promise.all([
    loadDuplicatesDialog(),
    loadIdleWarning(),
    import('@/components/forms/zod-setup'),
    import('@/lib/capture/inputs'),
    // The header's sign-out / switch warning (components/shell/session-controls.tsx loads it on the tap).
    import('@/components/shell/signout-warning'),
  ]).catch(() => undefined);

/** A few seconds after the load, when the browser is idle. */
const SETTLE_MS = 4_000;
const afterSettled = () =>
  new Promise<void>((resolve) => {
    window.setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 2_000 });
      else resolve();
    }, SETTLE_MS);
  });

const subscribeOnline = (notify: () => void) => {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
};
/** The browser's online flag (true while rendering on the server). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
/** The stored catalogues' text (re-read when the network state changes), or null. */
const readKeptRaw = () => localStore()?.getItem(CATALOGUES_KEY) ?? null;
// React.lazy, not next/dynamic: no loader machinery in the first load.
const DuplicatesDialog = lazy(() => loadDuplicatesDialog().then((m) => ({ default: m.DuplicatesDialog })));
const IdleWarning = lazy(() => loadIdleWarning().then((m) => ({ default: m.IdleWarning })));

const ALL_CLOSED: Record<CaptureSectionId, boolean> = { store: false, about: false, feedback: false };

export interface CaptureDeskProps {
  catalogues: CaptureCatalogues;
  /** When the console loaded the catalogues for this page (ISO). */
  cataloguesAt: string;
  /** The signed-in hostess, kept with a capture saved on the tablet. */
  hostess: QueuedCapture['hostess'];
  /** A manager may discard what waits on the tablet ("Forget this tablet"). */
  canForgetTablet?: boolean;
  timeZone: string;
  /** The consent wording in each language (lib/capture/consent-wording.ts), handed over by the page: no sentence of it is in this bundle. */
  consent: Record<Locale, ConsentWording>;
}

/**
 * The capture page: puts the form (capture-fields), the save (use-capture-save), the shared-tablet guards
 * (idle-warning, leave-guard) and their dialogs together.
 */
export function CaptureDesk({ catalogues: pageCatalogues, cataloguesAt, hostess, canForgetTablet = false, timeZone, consent }: CaptureDeskProps) {
  const t = useTranslations('capture');
  const tOffline = useTranslations('offline');
  const format = useFormatter();
  const pageLocale = useLocale();
  // The consent is read in the staff member's language unless the hostess switches it for the customer.
  const staffLanguage: Locale = isLocale(pageLocale) ? pageLocale : 'en';
  const resultRef = useRef<HTMLDivElement>(null);
  const online = useOnline();
  // Online: the page's catalogues, kept on the tablet. Offline: the newest copy the tablet has, with its time.
  const page = useMemo(() => ({ at: cataloguesAt, subject: hostess.subject, catalogues: pageCatalogues }), [cataloguesAt, hostess.subject, pageCatalogues]);
  const keptRaw = useSyncExternalStore(subscribeOnline, readKeptRaw, () => null);
  const shown = useMemo(() => {
    if (online) return page;
    const storage = localStore();
    return keptRaw && storage ? offlineCatalogues(page, readKeptCatalogues(storage, hostess.subject)) : page;
  }, [online, page, keptRaw, hostess.subject]);
  useEffect(() => {
    const storage = localStore();
    if (online && storage) keepCatalogues(storage, page);
  }, [online, page]);
  const catalogues = shown.catalogues;
  // The desk's shell, scripts and styles on the tablet (public/sw.js), after each online load.
  // The on-demand parts are fetched in the background once the page has settled (not in its first load: the
  // hostess routes' first-load budget, npm run bench:web), then the worker is told every file.
  useEffect(() => void keepShellOnDevice('/capture', () => afterSettled().then(loadOnDemandParts)), []);
  // The form's state without a form library (use-capture-form); zod and the schema arrive with its first validation.
  const tValidation = useTranslations('capture.validation');
  const form = useCaptureForm({
    defaultValues: emptyCaptureForm(newUuid(), consent[staffLanguage].version, '', staffLanguage),
    today: () => todayInZone(timeZone),
    words: (key, values) => tValidation(key, values),
  });
  const { handleSubmit, formState, getValues, reset, setFocus } = form;
  const dirty = useRef(false);
  // Read by the idle and leave guards' callbacks: stored after each render commits (never during render).
  useLayoutEffect(() => {
    dirty.current = formState.isDirty;
  });

  // The optional sections start collapsed; on Save, a section with an error opens so the hostess sees it
  // (errors of that Save's own validation, or the console's answer to it). Only then: an error found when a
  // field loses focus (validation may still be loading then) must not reopen a section she has just closed.
  const [openSections, setOpenSections] = useState(ALL_CLOSED);
  const setSectionOpen = useCallback((id: CaptureSectionId, open: boolean) => setOpenSections((s) => (s[id] === open ? s : { ...s, [id]: open })), []);
  const openSectionsWithErrors = useCallback((errors: Record<string, unknown>) => {
    const withErrors = Object.keys(errors).map((name) => sectionOfError(name)).filter((id): id is CaptureSectionId => id !== null);
    if (withErrors.length) setOpenSections((s) => ({ ...s, ...Object.fromEntries(withErrors.map((id) => [id, true])) }));
  }, []);

  /** A fresh form for the next customer; the tablet's location stays. */
  const resetForNext = useCallback(() => {
    reset(emptyCaptureForm(newUuid(), consent[staffLanguage].version, String(getValues('locationId')), staffLanguage));
    setOpenSections(ALL_CLOSED);
  }, [reset, getValues, consent, staffLanguage]);

  const save = useCaptureSave(form, resetForNext, openSectionsWithErrors, hostess);
  const { busy, setResult } = save;
  const idle = useIdleClear(
    () => dirty.current && !busy.current,
    () => {
      resetForNext();
      setResult({ kind: 'cleared' });
    },
  );
  // Leaving, reloading or going Back from a half-filled form asks first (a shared tablet: what was typed is the customer's).
  useLeaveGuard(() => dirty.current && !busy.current, t('leaveQuestion'));

  useEffect(() => {
    if (save.result) resultRef.current?.focus();
  }, [save.result]);

  const versions = useMemo(() => Object.fromEntries(Object.entries(consent).map(([l, w]) => [l, w.version])) as Record<Locale, string>, [consent]);
  const unavailable = catalogues.unavailable.map((n: CatalogueName) => t(`catalogues.${n}`));
  const pending = save.phase === 'checking' || save.phase === 'sending';

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section aria-labelledby="page-title" className="rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h1 id="page-title" className="text-2xl font-bold">
          {t('title')}
        </h1>
        <p className="mt-1 text-slate-700">{t('required')}</p>

        <CaptureResultRegion ref={resultRef} result={save.result} />

        {!online ? (
          <div role="status" data-testid="offline-notice" className="mt-3 rounded-lg bg-slate-100 p-3 text-slate-900">
            <p className="font-semibold">{tOffline('noNetwork')}</p>
            <p>{tOffline('noDuplicateCheck')}</p>
            <p data-testid="catalogues-from">{tOffline('cataloguesFrom', { time: formatInstant(shown.at, timeZone, 'dayTime', '—', staffLanguage) })}</p>
          </div>
        ) : null}

        {canForgetTablet ? <ForgetTablet /> : null}

        <DeviceAttention
          consentVersions={versions}
          onPutBack={(values) => {
            reset(values);
            setResult(null);
          }}
        />

        {unavailable.length > 0 ? (
          <p role="status" data-testid="catalogue-warning" className="mt-3 rounded-lg bg-amber-50 p-3 text-amber-950">
            {t('catalogueWarning', { names: format.list(unavailable, { type: 'conjunction' }) })}
          </p>
        ) : null}

        <form noValidate onFocus={preloadDialogs} onSubmit={handleSubmit(save.onValid, openSectionsWithErrors)} className="mt-4 flex flex-col gap-6" aria-describedby="page-title">
          <input type="hidden" {...form.register('idempotencyKey')} />
          <CaptureFields form={form} catalogues={catalogues} consent={consent} openSections={openSections} onSectionOpen={setSectionOpen} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" pending={pending} pendingLabel={save.phase === 'checking' ? t('checking') : t('saving')} disabled={save.phase === 'duplicates'} className="min-w-40">
              {t('save')}
            </Button>
            <Button
              type="button"
              variant="secondary"
              disabled={pending}
              onClick={() => {
                resetForNext();
                idle.stay();
                setResult(null);
                setFocus('firstName');
              }}
            >
              {t('clear')}
            </Button>
          </div>
        </form>

        <Suspense fallback={null}>
          {save.phase === 'duplicates' && save.duplicates ? (
            <DuplicatesDialog duplicates={save.duplicates} timeZone={timeZone} onSave={() => void save.send()} onCancel={save.cancelDuplicates} />
          ) : null}
          {idle.warning ? <IdleWarning open onStay={idle.stay} /> : null}
        </Suspense>
      </section>

      <MySubmissionsPanel timeZone={timeZone} />
    </div>
  );
}
