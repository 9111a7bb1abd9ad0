'use client';

import { useEffect, useMemo } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { CaptureCatalogues, CatalogueName } from '@/lib/capture/catalogues';
import { CONSENT_WORDING, MARKETING_CHANNELS } from '@/lib/capture/consent-wording';
import { LOCATION_KEY, readStored, writeStored } from './ids';
import type { CaptureForm } from './use-capture-form';
import { CAPTURE_SECTIONS, FormSection, filledCount, type CaptureSectionId } from './sections';

/**
 * The capture form's fields: the customer and the consent up front, the optional sections below. Also keeps
 * the choices consistent with Footprints' catalogues (offers of the chosen category, the tablet's location).
 */
export function CaptureFields({
  form,
  catalogues,
  openSections,
  onSectionOpen,
}: {
  form: CaptureForm;
  catalogues: CaptureCatalogues;
  openSections: Record<CaptureSectionId, boolean>;
  onSectionOpen: (id: CaptureSectionId, open: boolean) => void;
}) {
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
  const noneLabel = (name: CatalogueName, empty = 'None') => (catalogues.unavailable.includes(name) ? 'Not available right now' : empty);
  const section = (id: CaptureSectionId) => ({ id, title: CAPTURE_SECTIONS[id].title, filled: filledCount(id, watched), open: openSections[id], onOpenChange: onSectionOpen });

  return (
    <>
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
        <FormSection {...section('store')}>
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

        <FormSection {...section('about')}>
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

        <FormSection {...section('feedback')}>
          <Field id="capture-nps" label="NPS (0–10)" inputMode="numeric" autoComplete="off" registration={register('nps')} error={errors.nps} hint="How likely to recommend us, 0 to 10" />
          <Field id="capture-tags" label="Tags" autoComplete="off" registration={register('tags')} error={errors.tags} hint="Separate tags with commas" />
          <div className="sm:col-span-2">
            <Textarea id="capture-comments" label="Comments" registration={register('comments')} error={errors.comments} />
          </div>
        </FormSection>
      </div>
    </>
  );
}
