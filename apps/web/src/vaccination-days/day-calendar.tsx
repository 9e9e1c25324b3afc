import type { CalendarWarnings, Site, VaccinationDaySummary } from '@vaccinate/api-contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { formatDay } from '../shared/date-format.util';
import { SelectField } from '../shared/ui/select-field';
import { calendarWeeks, stepAnchor, type CalendarView } from './calendar.util';

interface DayCalendarProps {
  days: readonly VaccinationDaySummary[];
  sites: readonly Site[];
  view: CalendarView;
  today: string;
}

/** The planned days of one site (or all) by month or week; a chosen site's closed days and public holidays are marked. */
export function DayCalendar({ days, sites, view, today }: DayCalendarProps) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const [anchor, setAnchor] = useState(() => days.find((day) => day.date >= today)?.date ?? today);
  const [siteId, setSiteId] = useState('');
  const weeks = calendarWeeks(anchor, view);
  const from = weeks[0]?.[0] ?? anchor;
  const to = weeks.at(-1)?.[6] ?? anchor;
  const warnings = useQuery({
    queryKey: ['staff', 'calendar-warnings', siteId, from, to],
    enabled: siteId !== '',
    queryFn: ({ signal }) => api.get<CalendarWarnings>('/vaccination-days/calendar-warnings', { query: { siteId, from, to }, signal }),
  });
  const shown = days.filter((day) => !siteId || day.siteId === siteId);
  const title = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${anchor}T00:00:00Z`));
  const weekdayNames = (weeks[0] ?? []).map((date) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)),
  );

  return (
    <div className="calendar">
      <div className="calendar__toolbar">
        <SelectField
          label={t('days.site')}
          name="calendar-site"
          value={siteId}
          options={[{ value: '', label: t('days.calendar.allSites') }, ...sites.map((site) => ({ value: site.id, label: site.name }))]}
          onChange={(event) => setSiteId(event.target.value)}
        />
        <div className="actions">
          <button type="button" className="button button--ghost" onClick={() => setAnchor(stepAnchor(anchor, view, -1))}>
            {view === 'month' ? t('days.calendar.previousMonth') : t('days.calendar.previousWeek')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setAnchor(stepAnchor(anchor, view, 1))}>
            {view === 'month' ? t('days.calendar.nextMonth') : t('days.calendar.nextWeek')}
          </button>
        </div>
      </div>
      <table className="table calendar__grid">
        <caption>{view === 'month' ? title : t('days.calendar.weekOf', { date: formatDay(from, i18n.language) })}</caption>
        <thead>
          <tr>
            {weekdayNames.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((date) => {
                const notes = warnings.data?.warnings.filter((warning) => warning.date === date) ?? [];
                const planned = shown.filter((day) => day.date === date);
                return (
                  <td
                    key={date}
                    data-date={date}
                    className={view === 'month' && date.slice(0, 7) !== anchor.slice(0, 7) ? 'calendar__day calendar__day--outside' : 'calendar__day'}
                  >
                    <span className="calendar__date">{Number(date.slice(8))}</span>
                    {notes.map((note) => (
                      <span key={note.code} className="badge" title={note.message}>
                        {t(`days.calendar.${note.code === 'public_holiday' ? 'holiday' : 'closed'}`)}
                      </span>
                    ))}
                    <ul className="calendar__days">
                      {planned.map((day) => (
                        <li key={day.id}>
                          <Link to={paths.day(day.id)}>
                            {day.opensAt}–{day.closesAt} {sites.find((site) => site.id === day.siteId)?.name ?? ''}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
