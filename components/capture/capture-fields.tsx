'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { RadioGroup } from '@/components/ui/radio-group';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { CaptureCatalogues, CatalogueName } from '@/lib/capture/catalogues';
import { MARKETING_CHANNELS } from '@/lib/capture/consent-channels';
import type { ConsentWording } from '@/lib/capture/consent-wording';
import { LOCALES, LOCALE_NAMES, isLocale, type Locale } from '@/lib/i18n/locales';
import { LOCATION_KEY, readStored, writeStored } from './ids';
import type { CaptureForm } from './use-capture-form';
import { FormSection, filledCount, type CaptureSectionId } from './sections';

/**
 * The capture form's fields: the customer and the consent up front, the optional sections below. Also keeps
 * the choices consistent with Footprints' catalogues (offers of the chosen category, the tablet's location).
 */
export function CaptureFields({
  form,
  catalogues,
  consent,
  openSections,
  onSectionOpen,
}: {
  form: CaptureForm;
  catalogues: CaptureCatalogues;
  consent: Record<Locale, ConsentWording>;
  openSections: Record<CaptureSectionId, boolean>;
  onSectionOpen: (id: CaptureSectionId, open: boolean) => void;
}) {
  const t = useTranslations('capture');
  const tf = useTranslations('capture.fields');
  const tc = useTranslations('consent');
  const { register, formState, setValue, getValues, values: watched } = form;
  const errors = formState.errors;
  const categoryId = watched.offerCategoryId;

  const offers = useMemo(() => catalogues.offers.filter((o) => !categoryId || o.categoryId === categoryId), [catalogues.offers, categoryId]);
  useEffect(() => {
    const offerId = getValues('offerId');
    if (offerId && !offers.some((o) => o.id === offerId)) setValue('offerId', '');
  }, [offers, getValues, setValue]);

  // The location is remembered per tablet; a hostess of one store has it chosen (the list holds her stores only).
  // The tablet's setting, not the customer's data: it does not make the form half-filled.
  useEffect(() => {
    const stored = readStored(LOCATION_KEY);
    if (stored && catalogues.locations.some((l) => l.id === stored)) setValue('locationId', stored, { asDefault: true });
    else if (catalogues.locations.length === 1) setValue('locationId', catalogues.locations[0].id, { asDefault: true });
  }, [catalogues.locations, setValue]);
  const locationRegistration = register('locationId', { onChange: (e: { target: { value: string } }) => writeStored(LOCATION_KEY, e.target.value) });

  const options = (list: readonly { id: string; label: string }[]) => list.map((o) => ({ value: o.id, label: o.label }));
  const none = t('choices.none');
  const noneLabel = (name: CatalogueName, empty = none) => (catalogues.unavailable.includes(name) ? t('choices.notAvailable') : empty);
  const section = (id: CaptureSectionId) => ({
    id,
    title: t(`sections.${id}`),
    filledLabel: filledCount(id, watched) > 0 ? t('sectionFilled', { count: filledCount(id, watched) }) : t('sectionOptional'),
    open: openSections[id],
    onOpenChange: onSectionOpen,
  });
  const notGiven = t('choices.notGiven');

  // The customer's language for the consent (the staff member's by default). Agreements ticked on the other
  // language's wording are cleared: the proof must name the wording the customer was read.
  const language: Locale = isLocale(watched.consentLanguage) ? watched.consentLanguage : 'en';
  const wording = consent[language];
  const chooseLanguage = (next: Locale) => {
    if (next === language) return;
    setValue('consentLanguage', next);
    setValue('consentWordingVersion', consent[next].version);
    for (const name of ['agreeTerms', 'agreePrivacy', 'isAdult', 'agreedTargetedMessages'] as const) setValue(name, false);
    for (const c of MARKETING_CHANNELS) setValue(`marketing.${c}`, false);
  };

  return (
    <>
      <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t('customer')}</legend>
        <Field id="capture-firstName" label={tf('firstName')} required autoComplete="section-customer given-name" autoCapitalize="words" registration={register('firstName')} error={errors.firstName} />
        <Field id="capture-lastName" label={tf('lastName')} required autoComplete="section-customer family-name" autoCapitalize="words" registration={register('lastName')} error={errors.lastName} />
        <Field id="capture-email" label={tf('email')} type="email" inputMode="email" autoComplete="section-customer email" autoCapitalize="none" spellCheck={false} registration={register('email')} error={errors.email} />
        <Field id="capture-phone" label={tf('phone')} type="tel" inputMode="tel" autoComplete="section-customer tel" registration={register('phone')} error={errors.phone} />
      </fieldset>

      <fieldset className="flex flex-col gap-2" aria-describedby="consent-version" data-testid="consent">
        <legend className="mb-1 text-lg font-semibold">{tc('legend')}</legend>
        <RadioGroup
          id="capture-consentLanguage"
          name="consentLanguage"
          label={tc('language')}
          legendClassName="text-sm font-medium text-slate-900"
          hint={tc('languageHint')}
          layout="inline"
          value={language}
          onChange={(next) => {
            if (isLocale(next)) chooseLanguage(next);
          }}
          options={LOCALES.map((l) => ({ value: l, label: <span lang={l}>{LOCALE_NAMES[l]}</span>, testId: `consent-language-${l}` }))}
        />
        <p id="consent-version" className="text-sm text-slate-600">
          {tc('readTo', { language: LOCALE_NAMES[language], version: wording.version })}
        </p>
        <div lang={language} className="flex flex-col gap-2" data-testid="consent-wording">
        <Checkbox id="capture-agreeTerms" label={wording.terms} required registration={register('agreeTerms')} error={errors.agreeTerms} />
        <Checkbox id="capture-agreePrivacy" label={wording.privacy} required registration={register('agreePrivacy')} error={errors.agreePrivacy} />
        <Checkbox id="capture-isAdult" label={wording.adult} registration={register('isAdult')} error={errors.isAdult} />
        <Checkbox id="capture-agreedTargetedMessages" label={wording.targetedMessages} registration={register('agreedTargetedMessages')} error={errors.agreedTargetedMessages} />
        <fieldset className="mt-2 flex flex-col gap-1 rounded-lg border border-slate-300 p-3">
          <legend className="px-1 font-medium">{wording.marketingIntro}</legend>
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
            {MARKETING_CHANNELS.map((c) => (
              <Checkbox key={c} id={`capture-marketing-${c}`} label={wording.marketing[c]} registration={register(`marketing.${c}`)} />
            ))}
          </div>
        </fieldset>
        </div>
      </fieldset>

      <div className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{t('moreDetails')}</p>
        <FormSection {...section('store')}>
          <Select id="capture-locationId" label={tf('location')} placeholder={noneLabel('locations', t('choices.chooseLocation'))} registration={locationRegistration} error={errors.locationId} options={options(catalogues.locations)} />
          <Select id="capture-offerCategoryId" label={tf('offerCategory')} placeholder={noneLabel('offerCategories')} registration={register('offerCategoryId')} error={errors.offerCategoryId} options={options(catalogues.offerCategories)} />
          <Select
            id="capture-offerId"
            label={tf('offer')}
            placeholder={noneLabel('offers', categoryId ? none : t('choices.chooseCategoryFirst'))}
            registration={register('offerId')}
            error={errors.offerId}
            options={options(categoryId ? offers : [])}
            disabled={!categoryId}
          />
          <Select id="capture-offlineCampaignId" label={tf('offlineCampaign')} placeholder={noneLabel('offlineCampaigns')} registration={register('offlineCampaignId')} error={errors.offlineCampaignId} options={options(catalogues.offlineCampaigns)} />
          <Select id="capture-channelId" label={tf('channel')} placeholder={noneLabel('channels')} registration={register('channelId')} error={errors.channelId} options={options(catalogues.channels)} />
          <Select id="capture-consultantId" label={tf('consultant')} placeholder={noneLabel('consultants')} registration={register('consultantId')} error={errors.consultantId} options={options(catalogues.consultants)} />
        </FormSection>

        <FormSection {...section('about')}>
          <Select
            id="capture-sex"
            label={tf('sex')}
            placeholder={notGiven}
            registration={register('sex')}
            error={errors.sex}
            options={[
              { value: 'female', label: tf('female') },
              { value: 'male', label: tf('male') },
            ]}
          />
          <Field id="capture-birthday" label={tf('birthday')} type="date" autoComplete="section-customer bday" registration={register('birthday')} error={errors.birthday} />
          <Field id="capture-city" label={tf('city')} autoComplete="section-customer address-level2" registration={register('city')} error={errors.city} />
          <Field id="capture-county" label={tf('county')} autoComplete="section-customer address-level1" registration={register('county')} error={errors.county} />
          <Field id="capture-country" label={tf('country')} autoComplete="section-customer country-name" registration={register('country')} error={errors.country} />
          <Field id="capture-address" label={tf('address')} autoComplete="section-customer street-address" registration={register('address')} error={errors.address} />
          <Select
            id="capture-familyDetails"
            label={tf('family')}
            placeholder={notGiven}
            registration={register('familyDetails')}
            error={errors.familyDetails}
            options={[
              { value: 'single', label: tf('single') },
              { value: 'married', label: tf('married') },
            ]}
          />
          <Field id="capture-children" label={tf('children')} inputMode="numeric" autoComplete="off" registration={register('children')} error={errors.children} hint={tf('childrenHint')} />
          <Field id="capture-industry" label={tf('industry')} autoComplete="off" registration={register('industry')} error={errors.industry} />
          <Field id="capture-companyName" label={tf('company')} autoComplete="section-customer organization" registration={register('companyName')} error={errors.companyName} />
          <Field id="capture-companyAddress" label={tf('companyAddress')} autoComplete="off" registration={register('companyAddress')} error={errors.companyAddress} />
          <Field id="capture-job" label={tf('job')} autoComplete="section-customer organization-title" registration={register('job')} error={errors.job} />
          <Field id="capture-jobDescription" label={tf('jobDescription')} autoComplete="off" registration={register('jobDescription')} error={errors.jobDescription} />
          <Field id="capture-income" label={tf('income')} inputMode="decimal" autoComplete="off" registration={register('income')} error={errors.income} />
        </FormSection>

        <FormSection {...section('feedback')}>
          <Field id="capture-nps" label={tf('nps')} inputMode="numeric" autoComplete="off" registration={register('nps')} error={errors.nps} hint={tf('npsHint')} />
          <Field id="capture-tags" label={tf('tags')} autoComplete="off" registration={register('tags')} error={errors.tags} hint={tf('tagsHint')} />
          <div className="sm:col-span-2">
            <Textarea id="capture-comments" label={tf('comments')} registration={register('comments')} error={errors.comments} />
          </div>
        </FormSection>
      </div>
    </>
  );
}
