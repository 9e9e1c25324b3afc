import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { FormAlert } from '../shared/ui/form-alert';
import { LoadingIndicator } from '../shared/ui/status-message';
import { fetchFollowUpAvailability } from './booking-api';
import { formatDay } from '../shared/date-format.util';
import { useDateFormat } from '../shared/time-zone-context';
import { findSlot, preselectFollowUp, type ChosenSlot } from './follow-up-preselection.util';
import { SiteFilter } from './site-filter';
import type { SiteSummary } from './site-names';
import { SlotPicker } from './slot-picker';
import { useApiQuery } from '../shared/api/use-api-query';

interface FollowUpPickerProps {
  productId: string;
  firstSlot: ChosenSlot;
  sites: readonly SiteSummary[];
  selected: ChosenSlot | null;
  onSelect: (slot: ChosenSlot | null) => void;
  /** The person keeps the offered time (or chose one) and goes on to their details. */
  onContinue: () => void;
}

/**
 * Where the follow-up dose goes: every place is searched ("All places" means all), and the time
 * offered first is near the recommended date, at the first dose's site when it has one; changeable.
 */
export function FollowUpPicker({ productId, firstSlot, sites, selected, onSelect, onContinue }: FollowUpPickerProps) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const siteFilterId = useId();
  const format = useDateFormat();
  const [siteId, setSiteId] = useState('');
  const query = { productId, firstSlotId: firstSlot.slotId, siteId: siteId || undefined };
  const { resource, refresh } = useApiQuery(['follow-up-availability', query], (signal) => fetchFollowUpAvailability(api, query, signal));
  const data = resource.status === 'loaded' ? resource.data : null;

  // Keeps a choice that is still free; otherwise offers the best one of the fresh answer.
  useEffect(() => {
    if (!data) return;
    const still = selected ? findSlot(data.days, selected.slotId) : null;
    const stillFree = still && data.days.some((day) => day.slots.some((slot) => slot.slotId === still.slotId && slot.free > 0));
    if (!stillFree) onSelect(preselectFollowUp(data, firstSlot.siteId));
    // Runs for a new answer only; the selection itself changing must not re-run it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  return (
    <div className="follow-up">
      {data ? (
        <p className="follow-up__window">
          {t('booking.followUp.window', {
            recommended: formatDay(data.window.recommended, i18n.language),
            earliest: formatDay(data.window.earliest, i18n.language, 'short'),
            latest: formatDay(data.window.latest, i18n.language, 'short'),
          })}
          {/* Promised only when there is a time to show. */}
          {selected ? ` ${t('booking.followUp.chosen')}` : null}
        </p>
      ) : null}
      {data && selected ? (
        <p className="follow-up__keep">
          <button type="button" className="button button--primary" onClick={onContinue}>
            {t('booking.followUp.continue', { time: format.appointment(selected.startsAt, selected.endsAt) })}
          </button>
        </p>
      ) : null}
      <SiteFilter id={siteFilterId} sites={sites} value={siteId} onChange={setSiteId} />
      {resource.status === 'loading' ? <LoadingIndicator label={t('booking.slots.loading')} /> : null}
      {resource.status === 'failed' ? (
        <FormAlert
          messages={[describeError(resource.error, t)]}
          action={
            <button type="button" className="button button--secondary" onClick={refresh}>
              {t('common.retry')}
            </button>
          }
        />
      ) : null}
      {data ? (
        <>
          {data.days.length === 0 || !selected ? <p className="alert alert--info">{t('booking.followUp.none')}</p> : null}
          <SlotPicker
            days={data.days}
            sites={sites}
            selectedSlotId={selected?.slotId ?? null}
            onSelect={(slot) => {
              onSelect(slot);
              onContinue();
            }}
            highlightDate={data.window.recommended}
          />
        </>
      ) : null}
    </div>
  );
}
