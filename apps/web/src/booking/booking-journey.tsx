import type { BookingConfirmation, DoseKind, PublicCatalogue } from '@vaccinate/api-contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError, isRetryable } from '../shared/api/error-message';
import { useCaptcha } from '../captcha/use-captcha';
import { FormAlert } from '../shared/ui/form-alert';
import { LoadingIndicator } from '../shared/ui/status-message';
import { AppointmentCard } from './appointment-card';
import { fetchAvailability, fetchCatalogue } from './booking-api';
import { BookingConfirmationView } from './booking-confirmation';
import { EMPTY_DETAILS, personFromDetails, validateDetails, type BookingDetails } from './booking-details';
import { BookingDetailsForm } from './booking-details-form';
import { classifyBookingError, submitBooking } from './booking-submit';
import { JourneyNotice, type Notice } from './journey-notice';
import { focusStep } from './step-focus';
import { reservesFollowUp } from './dose-kinds.util';
import type { ChosenSlot } from './follow-up-preselection.util';
import { FollowUpPicker } from './follow-up-picker';
import { newIdempotencyKey } from './idempotency-key.util';
import { rememberManageToken } from './manage-token';
import { SiteFilter } from './site-filter';
import { siteById } from './site-names';
import { SlotPicker } from './slot-picker';
import { requiresEmployeeNumber, tenantTimeZone } from './tenant-settings';
import { TimeZoneProvider } from '../shared/time-zone-context';
import { pageLocale } from '../shared/mail-locale';
import { useApiQuery } from '../shared/api/use-api-query';
import { VaccineChoice } from './vaccine-choice';

/**
 * The employee's booking, on one page that grows as they choose: vaccine and dose kind, a date and
 * time (and the follow-up dose's), their details, then the confirmation.
 */
export function BookingJourney() {
  const { t } = useTranslation();
  const api = useApiClient();
  const catalogue = useApiQuery(['catalogue'], (signal) => fetchCatalogue(api, signal));

  if (catalogue.resource.status === 'loading' || catalogue.resource.status === 'idle') {
    return <LoadingIndicator label={t('common.loading')} />;
  }
  if (catalogue.resource.status === 'failed') {
    return (
      <FormAlert
        messages={[describeError(catalogue.resource.error, t)]}
        action={
          <button type="button" className="button button--secondary" onClick={catalogue.refresh}>
            {t('common.retry')}
          </button>
        }
      />
    );
  }
  return (
    <TimeZoneProvider timeZone={tenantTimeZone(catalogue.resource.data)}>
      <BookingSteps catalogue={catalogue.resource.data} />
    </TimeZoneProvider>
  );
}

function BookingSteps({ catalogue }: { catalogue: PublicCatalogue }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const siteFilterId = useId();
  const [productId, setProductId] = useState<string | null>(null);
  const [doseKind, setDoseKind] = useState<DoseKind | null>(null);
  const [siteId, setSiteId] = useState('');
  const [firstSlot, setFirstSlot] = useState<ChosenSlot | null>(null);
  const [followUpSlot, setFollowUpSlot] = useState<ChosenSlot | null>(null);
  const [details, setDetails] = useState<BookingDetails>(EMPTY_DETAILS);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirmation, setConfirmation] = useState<BookingConfirmation | null>(null);
  const idempotency = useRef<{ key: string; request: string } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const employeeNumberRequired = requiresEmployeeNumber(catalogue);
  const product = catalogue.products.find((candidate) => candidate.id === productId) ?? null;
  const needsFollowUp = product !== null && doseKind !== null && reservesFollowUp(product, doseKind);
  const query = product && doseKind ? { productId: product.id, doseKind, siteId: siteId || undefined } : null;
  const availability = useApiQuery(query ? ['availability', query] : null, (signal) => fetchAvailability(api, query ?? { productId: '', doseKind: 'first' }, signal));
  const readyForDetails = firstSlot !== null && (!needsFollowUp || followUpSlot !== null);
  const availableDays = availability.resource.status === 'loaded' ? availability.resource.data.days : null;
  const nothingFree = availableDays !== null && !availableDays.some((day) => day.slots.some((slot) => slot.free > 0));
  const shownNotice: Notice | null = notice ?? (nothingFree ? 'no_slots' : null);
  const captcha = useCaptcha(readyForDetails);

  const resetSlots = () => {
    setFirstSlot(null);
    setFollowUpSlot(null);
  };

  const submit = async () => {
    if (!product || !doseKind || !firstSlot) return;
    const request = {
      productId: product.id,
      doseKind,
      slotId: firstSlot.slotId,
      ...(needsFollowUp && followUpSlot ? { followUpSlotId: followUpSlot.slotId } : {}),
      person: personFromDetails(details),
    };
    // One key per booking attempt: kept while the same request is retried, new when it changes.
    const fingerprint = JSON.stringify(request);
    if (idempotency.current?.request !== fingerprint) idempotency.current = { key: newIdempotencyKey(), request: fingerprint };
    try {
      // The page's language is the person's: their mails and calendar file follow it (not part of the attempt's identity).
      const booked = await submitBooking(
        api,
        { ...request, locale: pageLocale(i18n.resolvedLanguage) },
        { idempotencyKey: idempotency.current.key, captcha: captcha.solution },
      );
      idempotency.current = null;
      rememberManageToken(booked.manageToken);
      setConfirmation(booked);
    } catch (error) {
      const refusal = classifyBookingError(error);
      if (!isRetryable(error)) {
        // The API answered for good, so the solution is spent and the next try is a new attempt.
        idempotency.current = null;
        captcha.renew();
      }
      if (refusal.kind === 'slot_full' || refusal.kind === 'sold_out') {
        resetSlots();
        setNotice(refusal.kind);
        availability.refresh();
        requestAnimationFrame(() => noticeRef.current?.focus());
        return;
      }
      throw error;
    }
  };

  if (confirmation) return <BookingConfirmationView confirmation={confirmation} />;

  return (
    <div className="booking">
      <section className="booking__step card" aria-labelledby="booking-vaccine-title">
        <h2 id="booking-vaccine-title">{t('booking.vaccine.title')}</h2>
        <VaccineChoice
          products={catalogue.products}
          productId={productId}
          doseKind={doseKind}
          onProduct={(id) => {
            setProductId(id);
            setDoseKind(null);
            setNotice(null);
            resetSlots();
          }}
          onDoseKind={(kind, byPointer) => {
            setDoseKind(kind);
            setNotice(null);
            resetSlots();
            // A click moves on to the dates; arrow keys within the radio group must stay there.
            if (byPointer) focusStep('booking-dates-title');
          }}
        />
      </section>

      {query ? (
        <section className="booking__step card" aria-labelledby="booking-dates-title">
          <h2 id="booking-dates-title" tabIndex={-1}>
            {t('booking.slots.title')}
          </h2>
          {shownNotice ? <JourneyNotice ref={noticeRef} notice={shownNotice} productId={productId} /> : null}
          <SiteFilter
            id={siteFilterId}
            sites={catalogue.sites}
            value={siteId}
            onChange={(id) => {
              setSiteId(id);
              resetSlots();
            }}
          />
          {availability.resource.status === 'loading' ? <LoadingIndicator label={t('booking.slots.loading')} /> : null}
          {availability.resource.status === 'failed' ? (
            <FormAlert
              messages={[describeError(availability.resource.error, t)]}
              action={
                <button type="button" className="button button--secondary" onClick={availability.refresh}>
                  {t('common.retry')}
                </button>
              }
            />
          ) : null}
          {availability.resource.status === 'loaded' && availability.resource.data.days.length > 0 ? (
            <SlotPicker
              days={availability.resource.data.days}
              sites={catalogue.sites}
              selectedSlotId={firstSlot?.slotId ?? null}
              onSelect={(slot) => {
                setFirstSlot(slot);
                setFollowUpSlot(null);
                setNotice(null);
                focusStep(needsFollowUp ? 'booking-follow-up-title' : 'booking-details-title');
              }}
            />
          ) : null}
        </section>
      ) : null}

      {product && needsFollowUp && firstSlot ? (
        <section className="booking__step card" aria-labelledby="booking-follow-up-title">
          <h2 id="booking-follow-up-title" tabIndex={-1}>
            {t('booking.followUp.title')}
          </h2>
          <FollowUpPicker
            key={firstSlot.slotId}
            productId={product.id}
            firstSlot={firstSlot}
            sites={catalogue.sites}
            selected={followUpSlot}
            onSelect={setFollowUpSlot}
            onContinue={() => focusStep('booking-details-title')}
          />
        </section>
      ) : null}

      {product && doseKind && firstSlot && readyForDetails ? (
        <section className="booking__step card" aria-labelledby="booking-details-title">
          <h2 id="booking-details-title" tabIndex={-1}>
            {t('booking.details.title')}
          </h2>
          <h3>{t('booking.details.yourAppointments')}</h3>
          <ul className="appointments">
            <AppointmentCard
              title={t(`booking.doseKind.${doseKind}`)}
              startsAt={firstSlot.startsAt}
              endsAt={firstSlot.endsAt}
              site={siteById(catalogue.sites, firstSlot.siteId)}
            />
            {needsFollowUp && followUpSlot ? (
              <AppointmentCard
                title={t('booking.doseKind.followUp')}
                startsAt={followUpSlot.startsAt}
                endsAt={followUpSlot.endsAt}
                site={siteById(catalogue.sites, followUpSlot.siteId)}
              />
            ) : null}
          </ul>
          <BookingDetailsForm
            values={details}
            onChange={setDetails}
            employeeNumberRequired={employeeNumberRequired}
            validate={(values) => validateDetails(values, t, { product, appointmentDate: firstSlot.date, employeeNumberRequired })}
            onSubmit={submit}
          />
        </section>
      ) : null}
    </div>
  );
}
