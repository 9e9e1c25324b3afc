import { DOSE_KINDS, type VaccinationDay } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../shared/time-zone-context';

const sumOf = (values: Record<string, number>) => Object.values(values).reduce((sum, n) => sum + n, 0);

/** Each slot's places and bookings per dose kind, with the day's totals in the footer. */
export function SlotTable({ day }: { day: VaccinationDay }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const slots = [...day.slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const totals = Object.fromEntries(
    DOSE_KINDS.map((kind) => [
      kind,
      {
        booked: slots.reduce((sum, slot) => sum + slot.booked[kind], 0),
        capacity: slots.reduce((sum, slot) => sum + slot.capacity[kind], 0),
      },
    ]),
  );
  const cell = (booked: number, capacity: number) => (
    <td className="num">
      {booked} / {capacity}
    </td>
  );

  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption className="table__caption">{t('days.slotsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('days.time')}</th>
            {DOSE_KINDS.map((kind) => (
              <th key={kind} scope="col" className="num">
                {t(`booking.doseKind.${kind}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('days.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {slots.map((slot) => (
            <tr key={slot.id}>
              <th scope="row">
                {format.time(slot.startsAt)}–{format.time(slot.endsAt)}
              </th>
              {DOSE_KINDS.map((kind) => (
                <td key={kind} className="num">
                  {slot.booked[kind]} / {slot.capacity[kind]}
                </td>
              ))}
              {cell(sumOf(slot.booked), sumOf(slot.capacity))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('days.total')}</th>
            {DOSE_KINDS.map((kind) => (
              <td key={kind} className="num">
                {totals[kind]?.booked ?? 0} / {totals[kind]?.capacity ?? 0}
              </td>
            ))}
            {cell(
              DOSE_KINDS.reduce((sum, kind) => sum + (totals[kind]?.booked ?? 0), 0),
              DOSE_KINDS.reduce((sum, kind) => sum + (totals[kind]?.capacity ?? 0), 0),
            )}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
