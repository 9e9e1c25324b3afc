import type { Vaccination } from '@vaccinate/api-contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/date-format.util';

/** One version of a documented dose: what, when, who, why corrected, reactions. */
export function DoseRecord({ vaccination, heading, actions }: { vaccination: Vaccination; heading: 'h3' | 'h4'; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const Heading = heading;
  const superseded = vaccination.status === 'superseded';
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const rows: Array<[string, string]> = [
    [t('personHistory.given'), when(vaccination.administeredAt)],
    [t('personHistory.lot'), vaccination.lotNumber],
    [t('personHistory.injectionSite'), t(`personHistory.injectionSites.${vaccination.injectionSite}`)],
    [t('personHistory.route'), t(`personHistory.routes.${vaccination.route}`)],
    [t('personHistory.vaccinator'), vaccination.vaccinatorName ?? vaccination.vaccinator],
    [
      t('personHistory.documentedBy'),
      `${vaccination.documentedByName ?? vaccination.documentedBy} · ${t('personHistory.documentedAt', { date: when(vaccination.createdAt) })}`,
    ],
  ];
  if (vaccination.doseNumberReason) rows.push([t('personHistory.doseNumberReason'), vaccination.doseNumberReason]);
  if (vaccination.correctionReason) rows.push([t('personHistory.correctionReason'), vaccination.correctionReason]);
  return (
    <article className={`history-entry${superseded ? ' history-entry--superseded' : ''}`}>
      <Heading>
        {t('personHistory.dose', { number: vaccination.doseNumber, series: vaccination.seriesDoses, product: vaccination.productName })}{' '}
        <span className={`badge${superseded ? ' badge--warning' : ''}`}>{superseded ? t('personHistory.superseded') : t('personHistory.current')}</span>
      </Heading>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label} className="details__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="details__row">
          <dt>{t('personHistory.reactions')}</dt>
          <dd>
            {vaccination.adverseReactions.length === 0 ? (
              t('personHistory.noReactions')
            ) : (
              <ul>
                {vaccination.adverseReactions.map((reaction) => (
                  <li key={reaction.id}>
                    {t('personHistory.reaction', {
                      severity: t(`personHistory.severities.${reaction.severity}`),
                      date: when(reaction.recordedAt),
                      description: reaction.description,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {actions}
    </article>
  );
}
