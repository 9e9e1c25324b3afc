import type { AvailableDay } from '@vaccinate/api-contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenSlot } from './follow-up-preselection.util';
import { siteById, type SiteSummary } from './site-names';
import { useDateFormat } from '../shared/time-zone-context';

interface SlotPickerProps {
  days: readonly AvailableDay[];
  sites: readonly SiteSummary[];
  selectedSlotId: string | null;
  onSelect: (slot: ChosenSlot) => void;
  /** Marked in the day list, such as the recommended date of a follow-up dose. */
  highlightDate?: string | undefined;
}

function freeOn(day: AvailableDay): number {
  return day.slots.reduce((sum, slot) => sum + Math.max(slot.free, 0), 0);
}

/** Days as a list of buttons, then the times of the chosen day; a full time stays visible but disabled. */
export function SlotPicker({ days, sites, selectedSlotId, onSelect, highlightDate }: SlotPickerProps) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const timesId = useId();
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date) || a.siteId.localeCompare(b.siteId));
  const dayOfSelection = sorted.find((day) => day.slots.some((slot) => slot.slotId === selectedSlotId));
  const [chosenDayId, setChosenDayId] = useState<string | null>(null);
  // The page opens on the soonest day that can be booked whole: a first dose whose follow-up has a free time somewhere.
  const openDay =
    sorted.find((day) => day.dayId === chosenDayId) ??
    dayOfSelection ??
    sorted.find((day) => freeOn(day) > 0 && day.followUpAvailable !== false) ??
    sorted.find((day) => freeOn(day) > 0) ??
    sorted[0];

  if (!openDay) return <p className="empty-note">{t('booking.slots.none')}</p>;
  const multipleSites = new Set(sorted.map((day) => day.siteId)).size > 1;

  return (
    <div className="slot-picker">
      {sorted.length > 1 ? (
        <button
          type="button"
          className="skip-inline"
          onClick={() => document.getElementById(timesId)?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus()}
        >
          {t('booking.slots.skipToTimes', { date: format.day(openDay.date) })}
        </button>
      ) : null}
      <ul className="day-list" aria-label={t('booking.slots.days')}>
        {sorted.map((day) => {
          const free = freeOn(day);
          const site = siteById(sites, day.siteId);
          return (
            <li key={day.dayId}>
              <button type="button" className="day-button" aria-pressed={day.dayId === openDay.dayId} aria-controls={timesId} onClick={() => setChosenDayId(day.dayId)}>
                <span className="day-button__date">{format.day(day.date, 'short')}</span>
                {multipleSites && site ? <span className="day-button__site">{site.name}</span> : null}
                <span className="day-button__free">{free > 0 ? t('booking.slots.freeCount', { count: free }) : t('booking.slots.full')}</span>
                {free > 0 && day.followUpAvailable === false ? <span className="day-button__site">{t('booking.slots.noFollowUp')}</span> : null}
                {day.date === highlightDate ? <span className="day-button__badge">{t('booking.followUp.recommendedBadge')}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
      <div id={timesId} className="time-grid" role="group" aria-label={t('booking.slots.timesOn', { date: format.day(openDay.date) })}>
        {[...openDay.slots]
          .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
          .map((slot) => {
            const full = slot.free <= 0;
            const selected = slot.slotId === selectedSlotId;
            return (
              <button
                key={slot.slotId}
                type="button"
                className="time-button"
                aria-pressed={selected}
                disabled={full}
                onClick={() =>
                  onSelect({
                    slotId: slot.slotId,
                    dayId: openDay.dayId,
                    date: openDay.date,
                    siteId: openDay.siteId,
                    startsAt: slot.startsAt,
                    endsAt: slot.endsAt,
                  })
                }
              >
                {format.time(slot.startsAt)}
                <span className="visually-hidden">
                  {', '}
                  {full ? t('booking.slots.full') : t('booking.slots.freeCount', { count: slot.free })}
                </span>
              </button>
            );
          })}
      </div>
    </div>
  );
}
