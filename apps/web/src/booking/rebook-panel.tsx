import type { BookedAppointment, ManagedBooking } from '@vaccinate/api-contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { ApiProblemError } from '../shared/api/api-error';
import { describeError } from '../shared/api/error-message';
import { FormAlert } from '../shared/ui/form-alert';
import { LoadingIndicator } from '../shared/ui/status-message';
import { rebookAppointment } from './booking-api';
import { classifyBookingError } from './booking-submit';
import type { ChosenSlot } from './follow-up-preselection.util';
import { loadRebookChoices } from './rebook-availability';
import { SlotPicker } from './slot-picker';
import { useDateFormat } from '../shared/time-zone-context';
import { useApiQuery } from '../shared/api/use-api-query';

interface RebookPanelProps {
  booking: ManagedBooking;
  token: string;
  onRebooked: (booking: ManagedBooking) => void;
  onClose: () => void;
}

/** Moves one appointment to another free time; the old one stays until the API confirms the new. */
export function RebookPanel({ booking, token, onRebooked, onClose }: RebookPanelProps) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const api = useApiClient();
  const headingId = useId();
  const movable = booking.appointments.filter((appointment) => appointment.status === 'booked').sort((a, b) => a.doseNumber - b.doseNumber);
  const [appointmentId, setAppointmentId] = useState<string | null>(movable.length === 1 ? (movable[0]?.id ?? null) : null);
  const [slot, setSlot] = useState<ChosenSlot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const appointment = movable.find((candidate) => candidate.id === appointmentId) ?? null;
  const choices = useApiQuery(appointment ? ['rebook', appointment.id] : null, (signal) =>
    loadRebookChoices(api, booking.product.id, appointment as BookedAppointment, booking.appointments, signal),
  );

  const confirm = async () => {
    if (!appointment || !slot) return;
    setSaving(true);
    setError(null);
    try {
      onRebooked(await rebookAppointment(api, token, { appointmentId: appointment.id, slotId: slot.slotId }));
    } catch (cause) {
      const refusal = classifyBookingError(cause);
      const window = choices.resource.status === 'loaded' ? choices.resource.data.window : null;
      if (refusal.kind === 'slot_full') {
        setSlot(null);
        choices.refresh();
        setError(t('booking.errors.slotFull'));
      } else if (refusal.kind === 'rate_limited') setError(t('booking.errors.rateLimited'));
      else if (cause instanceof ApiProblemError && cause.code === 'booking.follow_up_out_of_window' && window) {
        // The API's sentence carries ISO dates in English; the window is known here, in the reader's words.
        setError(t('problems.booking.follow_up_out_of_window_dates', { earliest: format.day(window.earliest), latest: format.day(window.latest) }));
      } else setError(describeError(cause, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card rebook" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('booking.manage.change')}</h2>
      {movable.length > 1 ? (
        <fieldset className="radio-group">
          <legend className="field__label">{t('booking.manage.changeWhich')}</legend>
          {movable.map((candidate) => (
            <label key={candidate.id} className="radio">
              <input
                type="radio"
                name="rebook-appointment"
                checked={candidate.id === appointmentId}
                onChange={() => {
                  setAppointmentId(candidate.id);
                  setSlot(null);
                  setError(null);
                }}
              />
              <span>
                {t('booking.appointment.title', { number: candidate.doseNumber, kind: t(`booking.doseKind.${candidate.doseKind}`) })}
                {': '}
                {format.appointment(candidate.startsAt, candidate.endsAt)}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {appointment ? <p className="field__hint">{t('booking.manage.changeHint')}</p> : null}
      <FormAlert messages={error ? [error] : []} />
      {choices.resource.status === 'loading' ? <LoadingIndicator label={t('booking.slots.loading')} /> : null}
      {choices.resource.status === 'failed' ? <FormAlert messages={[describeError(choices.resource.error, t)]} /> : null}
      {choices.resource.status === 'loaded' ? (
        <>
          {choices.resource.data.window ? (
            <p>
              {t('booking.manage.seriesWindow', {
                earliest: format.day(choices.resource.data.window.earliest),
                latest: format.day(choices.resource.data.window.latest),
              })}
            </p>
          ) : null}
          <SlotPicker
            days={choices.resource.data.availability.days}
            sites={choices.resource.data.sites}
            selectedSlotId={slot?.slotId ?? null}
            onSelect={setSlot}
            highlightDate={choices.resource.data.window?.recommended}
          />
        </>
      ) : null}
      <div className="actions">
        <button type="button" className="button button--primary" disabled={!slot || saving} onClick={() => void confirm()}>
          {saving ? t('booking.manage.changing') : t('booking.manage.confirmChange')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('booking.manage.closeChange')}
        </button>
      </div>
    </section>
  );
}
