'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { checkDuplicatesAction, submitCaptureAction } from '@/app/(console)/capture/actions';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { CaptureCatalogues, CatalogueName } from '@/lib/capture/catalogues';
import { CONSENT_WORDING, MARKETING_CHANNELS } from '@/lib/capture/consent-wording';
import type { PossibleDuplicate } from '@/lib/capture/find-possible-duplicates';
import { createCaptureFormSchema, emptyCaptureForm, type CaptureFormValues } from '@/lib/capture/inputs';
import { formatInstant, todayInZone } from '@/lib/dates';
import { LOCATION_KEY, deviceId, newUuid, readStored, writeStored } from './ids';
import { useLeaveGuard } from './leave-guard';
import { MY_SUBMISSIONS_KEY, MySubmissionsPanel } from './my-submissions';
import { CAPTURE_SECTIONS, FormSection, filledCount, sectionOfError, type CaptureSectionId } from './sections';

/** A half-filled form left alone this long asks whether the customer is still there … */
export const IDLE_WARN_MS = 2 * 60_000;
/** … and is cleared this long after the question, unless the hostess answers. */
export const IDLE_CLEAR_MS = 30_000;

const CATALOGUE_NAMES: Record<CatalogueName, string> = {
  locations: 'store locations',
  offerCategories: 'offer categories',
  offers: 'offers',
  offlineCampaigns: 'offline campaigns',
  channels: 'channels',
  consultants: 'consultants',
};

type Result =
  | { kind: 'sent'; leadId: string }
  | { kind: 'waiting' }
  | { kind: 'rejected'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'cleared' };

type Phase = 'editing' | 'checking' | 'duplicates' | 'sending';

export interface CaptureDeskProps {
  catalogues: CaptureCatalogues;
  timeZone: string;
}

export function CaptureDesk({ catalogues, timeZone }: CaptureDeskProps) {
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>('editing');
  const [result, setResult] = useState<Result | null>(null);
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  const [idleWarning, setIdleWarning] = useState(false);
  const busy = useRef(false);
  const lastActivity = useRef(Date.now());
  const warnedAt = useRef<number | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const dialogTitleRef = useRef<HTMLHeadingElement>(null);

  const schema = useMemo(() => createCaptureFormSchema(() => todayInZone(timeZone)), [timeZone]);
  const form = useForm<CaptureFormValues>({
    resolver: zodResolver(schema),
    defaultValues: emptyCaptureForm(newUuid(), CONSENT_WORDING.version),
    mode: 'onTouched',
  });
  const { register, handleSubmit, formState, setValue, getValues, reset, setError, setFocus, control } = form;
  const errors = formState.errors;
  const dirty = useRef(false);
  dirty.current = formState.isDirty;

  const categoryId = useWatch({ control, name: 'offerCategoryId' });
  const watched = useWatch({ control }) as Partial<CaptureFormValues>;

  // The optional sections start collapsed; a section with an error opens so the hostess sees it.
  const [openSections, setOpenSections] = useState<Record<CaptureSectionId, boolean>>({ store: false, about: false, feedback: false });
  const setSectionOpen = useCallback((id: CaptureSectionId, open: boolean) => setOpenSections((s) => (s[id] === open ? s : { ...s, [id]: open })), []);
  useEffect(() => {
    const withErrors = Object.keys(errors).map((name) => sectionOfError(name)).filter((id): id is CaptureSectionId => id !== null);
    if (withErrors.length) setOpenSections((s) => ({ ...s, ...Object.fromEntries(withErrors.map((id) => [id, true])) }));
  }, [errors, formState.submitCount]);

  // Leaving or reloading a half-filled form asks first (a shared tablet: what was typed is the customer's).
  useLeaveGuard(() => dirty.current && !busy.current);
  const offers = useMemo(() => catalogues.offers.filter((o) => !categoryId || o.categoryId === categoryId), [catalogues.offers, categoryId]);
  useEffect(() => {
    const offerId = getValues('offerId');
    if (offerId && !offers.some((o) => o.id === offerId)) setValue('offerId', '');
  }, [offers, getValues, setValue]);

  // The location is remembered per tablet.
  useEffect(() => {
    const stored = readStored(LOCATION_KEY);
    if (stored && catalogues.locations.some((l) => l.id === stored)) setValue('locationId', stored);
  }, [catalogues.locations, setValue]);
  const locationRegistration = register('locationId', { onChange: (e: { target: { value: string } }) => writeStored(LOCATION_KEY, e.target.value) });

  /** A fresh form for the next customer; the tablet's location stays. */
  const resetForNext = useCallback(() => {
    reset(emptyCaptureForm(newUuid(), CONSENT_WORDING.version, getValues('locationId')));
    setOpenSections({ store: false, about: false, feedback: false });
    setDuplicates([]);
    setIdleWarning(false);
    warnedAt.current = null;
  }, [reset, getValues]);

  // Shared tablet: two minutes without a touch on a half-filled form → warn; 30 s more → clear it.
  useEffect(() => {
    const mark = () => {
      lastActivity.current = Date.now();
      if (warnedAt.current !== null) {
        warnedAt.current = null;
        setIdleWarning(false);
      }
    };
    const events = ['pointerdown', 'keydown', 'input', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, mark, { passive: true }));
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (busy.current || !dirty.current) {
        lastActivity.current = Math.max(lastActivity.current, now - 1_000);
        return;
      }
      if (warnedAt.current === null && now - lastActivity.current >= IDLE_WARN_MS) {
        warnedAt.current = now;
        setIdleWarning(true);
      } else if (warnedAt.current !== null && now - warnedAt.current >= IDLE_CLEAR_MS) {
        resetForNext();
        setResult({ kind: 'cleared' });
      }
    }, 1_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, mark));
      window.clearInterval(timer);
    };
  }, [resetForNext]);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  useEffect(() => {
    if (phase === 'duplicates') dialogTitleRef.current?.focus();
  }, [phase]);

  const send = useCallback(async () => {
    setPhase('sending');
    setValue('createdAt', new Date().toISOString());
    setValue('timezone', Intl.DateTimeFormat().resolvedOptions().timeZone || '');
    setValue('deviceId', deviceId());
    const values = getValues();
    try {
      const answer = await submitCaptureAction(values);
      if (!answer.ok) {
        const fieldErrors = answer.error.fieldErrors ?? {};
        for (const [name, messages] of Object.entries(fieldErrors)) {
          if (messages[0]) setError(name as FieldPath<CaptureFormValues>, { type: 'server', message: messages[0] });
        }
        setResult({ kind: 'error', message: answer.error.message });
        return;
      }
      const outcome = answer.data;
      if (outcome.state === 'rejected') {
        // That submission is closed (refused); a corrected form is a new one.
        setValue('idempotencyKey', newUuid());
        setResult({ kind: 'rejected', message: outcome.message });
        return;
      }
      setResult(outcome.state === 'sent' ? { kind: 'sent', leadId: outcome.footprintsLeadId } : { kind: 'waiting' });
      resetForNext();
    } catch {
      // The console itself was not reached (Wi-Fi): same key, so trying again can never make a second lead.
      setResult({ kind: 'error', message: 'The console could not be reached. Nothing typed was lost: tap "Save lead" again.' });
    } finally {
      busy.current = false;
      setPhase('editing');
      void queryClient.invalidateQueries({ queryKey: MY_SUBMISSIONS_KEY });
    }
  }, [getValues, queryClient, resetForNext, setError, setValue]);

  const onValid = useCallback(
    async (values: CaptureFormValues) => {
      if (busy.current) return;
      busy.current = true;
      setResult(null);
      setPhase('checking');
      try {
        const found = await checkDuplicatesAction({ email: values.email, phone: values.phone, idempotencyKey: values.idempotencyKey });
        if (found.ok && found.data.length > 0) {
          setDuplicates(found.data);
          setPhase('duplicates');
          return; // busy stays set until she chooses
        }
      } catch {
        /* the check is advisory: without it, save anyway */
      }
      await send();
    },
    [send],
  );

  const cancelDuplicates = () => {
    setDuplicates([]);
    setPhase('editing');
    busy.current = false;
    setFocus('firstName');
  };

  const unavailable = catalogues.unavailable.map((n) => CATALOGUE_NAMES[n]);
  const pending = phase === 'checking' || phase === 'sending';
  const options = (list: readonly { id: string; label: string }[]) => list.map((o) => ({ value: o.id, label: o.label }));
  const noneLabel = (name: CatalogueName, empty = 'None') => (catalogues.unavailable.includes(name) ? 'Not available right now' : empty);

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section aria-labelledby="page-title" className="rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h1 id="page-title" className="text-2xl font-bold">
          Capture a lead
        </h1>
        <p className="mt-1 text-slate-700">Fields marked * are required. Give an e-mail or a phone number (or both).</p>

        <div ref={resultRef} tabIndex={-1} className="mt-3 outline-none" data-testid="capture-result-region">
          {result?.kind === 'sent' ? (
            <p role="status" data-testid="capture-result" className="rounded-lg bg-green-100 p-3 font-semibold text-green-900">
              Sent — Footprints lead {result.leadId}
            </p>
          ) : null}
          {result?.kind === 'waiting' ? (
            <p role="status" data-testid="capture-result" className="rounded-lg bg-amber-100 p-3 font-semibold text-amber-900">
              Saved — will sync. Footprints is not answering right now; the lead is safe and will be sent automatically.
            </p>
          ) : null}
          {result?.kind === 'rejected' ? (
            <p role="alert" data-testid="capture-result" className="rounded-lg bg-red-100 p-3 font-semibold text-red-900">
              {result.message}
            </p>
          ) : null}
          {result?.kind === 'error' ? (
            <p role="alert" data-testid="capture-result" className="rounded-lg bg-red-100 p-3 font-semibold text-red-900">
              {result.message}
            </p>
          ) : null}
          {result?.kind === 'cleared' ? (
            <p role="status" data-testid="capture-result" className="rounded-lg bg-slate-100 p-3 text-slate-900">
              The form was cleared after two minutes without activity, for the next customer.
            </p>
          ) : null}
        </div>

        {unavailable.length > 0 ? (
          <p role="status" data-testid="catalogue-warning" className="mt-3 rounded-lg bg-amber-50 p-3 text-amber-950">
            Could not load {unavailable.join(', ')} from Footprints. You can still save the lead; those choices stay empty.
          </p>
        ) : null}

        <form noValidate onSubmit={handleSubmit(onValid)} className="mt-4 flex flex-col gap-6" aria-describedby="page-title">
          <input type="hidden" {...register('idempotencyKey')} />

          <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">Customer</legend>
            <Field id="capture-firstName" label="First name" required autoComplete="section-customer given-name" autoCapitalize="words" registration={register('firstName')} error={errors.firstName} />
            <Field id="capture-lastName" label="Last name" required autoComplete="section-customer family-name" autoCapitalize="words" registration={register('lastName')} error={errors.lastName} />
            <Field id="capture-email" label="E-mail" type="email" inputMode="email" autoComplete="section-customer email" autoCapitalize="none" spellCheck={false} registration={register('email')} error={errors.email} />
            <Field id="capture-phone" label="Phone" type="tel" inputMode="tel" autoComplete="section-customer tel" registration={register('phone')} error={errors.phone} />
          </fieldset>

          <fieldset className="flex flex-col gap-2" aria-describedby="consent-version">
            <legend className="mb-1 text-lg font-semibold">Consent</legend>
            <p id="consent-version" className="text-sm text-slate-600">
              Read to the customer. Consent wording version {CONSENT_WORDING.version}.
            </p>
            <Checkbox id="capture-agreeTerms" label={CONSENT_WORDING.terms} required registration={register('agreeTerms')} error={errors.agreeTerms} />
            <Checkbox id="capture-agreePrivacy" label={CONSENT_WORDING.privacy} required registration={register('agreePrivacy')} error={errors.agreePrivacy} />
            <Checkbox id="capture-isAdult" label={CONSENT_WORDING.adult} registration={register('isAdult')} error={errors.isAdult} />
            <Checkbox id="capture-agreedTargetedMessages" label={CONSENT_WORDING.targetedMessages} registration={register('agreedTargetedMessages')} error={errors.agreedTargetedMessages} />
            <fieldset className="mt-2 flex flex-col gap-1 rounded-lg border border-slate-300 p-3">
              <legend className="px-1 font-medium">{CONSENT_WORDING.marketingIntro}</legend>
              <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
                {MARKETING_CHANNELS.map((c) => (
                  <Checkbox key={c} id={`capture-marketing-${c}`} label={CONSENT_WORDING.marketing[c]} registration={register(`marketing.${c}`)} />
                ))}
              </div>
            </fieldset>
          </fieldset>

          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">More details if the customer has time (optional; what is typed stays when a section is closed):</p>
            <FormSection id="store" title={CAPTURE_SECTIONS.store.title} filled={filledCount('store', watched)} open={openSections.store} onOpenChange={setSectionOpen}>
              <Select id="capture-locationId" label="Location" placeholder={noneLabel('locations', 'Choose a location')} registration={locationRegistration} error={errors.locationId} options={options(catalogues.locations)} />
              <Select id="capture-offerCategoryId" label="Offer category" placeholder={noneLabel('offerCategories')} registration={register('offerCategoryId')} error={errors.offerCategoryId} options={options(catalogues.offerCategories)} />
              <Select
                id="capture-offerId"
                label="Offer"
                placeholder={noneLabel('offers', categoryId ? 'None' : 'Choose a category first')}
                registration={register('offerId')}
                error={errors.offerId}
                options={options(categoryId ? offers : [])}
                disabled={!categoryId}
              />
              <Select id="capture-offlineCampaignId" label="Offline campaign" placeholder={noneLabel('offlineCampaigns')} registration={register('offlineCampaignId')} error={errors.offlineCampaignId} options={options(catalogues.offlineCampaigns)} />
              <Select id="capture-channelId" label="Channel" placeholder={noneLabel('channels')} registration={register('channelId')} error={errors.channelId} options={options(catalogues.channels)} />
              <Select id="capture-consultantId" label="Consultant" placeholder={noneLabel('consultants')} registration={register('consultantId')} error={errors.consultantId} options={options(catalogues.consultants)} />
            </FormSection>

            <FormSection id="about" title={CAPTURE_SECTIONS.about.title} filled={filledCount('about', watched)} open={openSections.about} onOpenChange={setSectionOpen}>
              <Select
                id="capture-sex"
                label="Sex"
                placeholder="Not given"
                registration={register('sex')}
                error={errors.sex}
                options={[
                  { value: 'female', label: 'Female' },
                  { value: 'male', label: 'Male' },
                ]}
              />
              <Field id="capture-birthday" label="Birthday" type="date" autoComplete="section-customer bday" registration={register('birthday')} error={errors.birthday} />
              <Field id="capture-city" label="City" autoComplete="section-customer address-level2" registration={register('city')} error={errors.city} />
              <Field id="capture-county" label="County" autoComplete="section-customer address-level1" registration={register('county')} error={errors.county} />
              <Field id="capture-country" label="Country" autoComplete="section-customer country-name" registration={register('country')} error={errors.country} />
              <Field id="capture-address" label="Address" autoComplete="section-customer street-address" registration={register('address')} error={errors.address} />
              <Select
                id="capture-familyDetails"
                label="Family"
                placeholder="Not given"
                registration={register('familyDetails')}
                error={errors.familyDetails}
                options={[
                  { value: 'single', label: 'Single' },
                  { value: 'married', label: 'Married' },
                ]}
              />
              <Field id="capture-children" label="Children" inputMode="numeric" autoComplete="off" registration={register('children')} error={errors.children} hint="How many (0–30)" />
              <Field id="capture-industry" label="Industry" autoComplete="off" registration={register('industry')} error={errors.industry} />
              <Field id="capture-companyName" label="Company" autoComplete="section-customer organization" registration={register('companyName')} error={errors.companyName} />
              <Field id="capture-companyAddress" label="Company address" autoComplete="off" registration={register('companyAddress')} error={errors.companyAddress} />
              <Field id="capture-job" label="Job title" autoComplete="section-customer organization-title" registration={register('job')} error={errors.job} />
              <Field id="capture-jobDescription" label="Job description" autoComplete="off" registration={register('jobDescription')} error={errors.jobDescription} />
              <Field id="capture-income" label="Monthly income" inputMode="decimal" autoComplete="off" registration={register('income')} error={errors.income} />
            </FormSection>

            <FormSection id="feedback" title={CAPTURE_SECTIONS.feedback.title} filled={filledCount('feedback', watched)} open={openSections.feedback} onOpenChange={setSectionOpen}>
              <Field id="capture-nps" label="NPS (0–10)" inputMode="numeric" autoComplete="off" registration={register('nps')} error={errors.nps} hint="How likely to recommend us, 0 to 10" />
              <Field id="capture-tags" label="Tags" autoComplete="off" registration={register('tags')} error={errors.tags} hint="Separate tags with commas" />
              <div className="sm:col-span-2">
                <Textarea id="capture-comments" label="Comments" registration={register('comments')} error={errors.comments} />
              </div>
            </FormSection>
          </div>

          <div className="flex flex-wrap gap-3">
            <Button type="submit" pending={pending} pendingLabel={phase === 'checking' ? 'Checking…' : 'Saving…'} disabled={phase === 'duplicates'} className="min-w-40">
              Save lead
            </Button>
            <Button
              type="button"
              variant="secondary"
              disabled={pending}
              onClick={() => {
                resetForNext();
                setResult(null);
                setFocus('firstName');
              }}
            >
              Clear form
            </Button>
          </div>
        </form>

        {phase === 'duplicates' ? (
          <section role="dialog" aria-modal="false" aria-labelledby="duplicates-title" data-testid="duplicates-dialog" className="mt-4 rounded-xl border-2 border-amber-500 bg-amber-50 p-4">
            <h2 id="duplicates-title" ref={dialogTitleRef} tabIndex={-1} className="text-lg font-bold outline-none">
              Possible duplicates
            </h2>
            <p className="mt-1">Captured in the last 90 days with the same e-mail or phone. Is this the same person?</p>
            <ul className="mt-2 flex flex-col gap-2">
              {duplicates.map((d, i) => (
                <li key={i} className="rounded-lg bg-white p-2" data-testid="duplicate">
                  <span className="font-semibold">{d.displayName}</span> · {[d.maskedEmail, d.maskedPhone].filter(Boolean).join(' · ')} · captured{' '}
                  {formatInstant(d.capturedAt, timeZone, 'dayTimeSeconds')} by {d.capturedBy}
                </li>
              ))}
            </ul>
            <div className="mt-3 flex flex-wrap gap-3">
              <Button type="button" onClick={() => void send()}>
                Save anyway
              </Button>
              <Button type="button" variant="secondary" onClick={cancelDuplicates}>
                Cancel
              </Button>
            </div>
          </section>
        ) : null}

        {idleWarning ? (
          <section role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-text" data-testid="idle-warning" className="mt-4 rounded-xl border-2 border-blue-600 bg-blue-50 p-4">
            <h2 id="idle-title" className="text-lg font-bold">
              Still with the customer?
            </h2>
            <p id="idle-text" className="mt-1">
              This form has been left for two minutes. It will be cleared in 30 seconds so the next customer&apos;s data stays private.
            </p>
            <Button
              type="button"
              className="mt-3"
              onClick={() => {
                lastActivity.current = Date.now();
                warnedAt.current = null;
                setIdleWarning(false);
              }}
            >
              Keep editing
            </Button>
          </section>
        ) : null}
      </section>

      <MySubmissionsPanel timeZone={timeZone} />
    </div>
  );
}
