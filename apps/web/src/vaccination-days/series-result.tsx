import type { VaccinationDaySeries } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../shared/date-format.util';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';

/** What a recurring day created: every day, and the dates worth a second look (planned all the same). */
export function SeriesResult({ series }: { series: VaccinationDaySeries }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="series-title" aria-live="polite">
      <h2 id="series-title">{t('days.series.created', { count: series.days.length })}</h2>
      <ul>
        {series.days.map((day) => (
          <li key={day.id}>
            <Link to={paths.day(day.id)}>{formatDay(day.date, i18n.language)}</Link>
          </li>
        ))}
      </ul>
      {series.warnings.length > 0 ? (
        <div className="alert alert--warning" role="status">
          <p>{t('days.series.warnings')}</p>
          <ul>
            {series.warnings.map((warning) => (
              <li key={`${warning.date}-${warning.code}`}>
                {formatDay(warning.date, i18n.language)}: {t(`days.series.${warning.code === 'public_holiday' ? 'holiday' : 'closed'}`)} ({warning.message})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Link className="button button--secondary" to={paths.days}>
        {t('days.backToList')}
      </Link>
    </section>
  );
}
