import type { PersonRevision } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/date-format.util';
import { formatBirthDate } from './birth-date-format.util';

/** Earlier versions of the person's details, each with who replaced it, when and why. */
export function PersonRevisions({ revisions }: { revisions: PersonRevision[] }) {
  const { t, i18n } = useTranslation();
  if (revisions.length === 0) return <p>{t('personHistory.noRevisions')}</p>;
  return (
    <ol className="history-list">
      {revisions.map((revision) => {
        const rows: Array<[string, string]> = [
          [t('person.givenName'), revision.givenName],
          [t('person.familyName'), revision.familyName],
          [t('person.email'), revision.email],
          [t('person.birthDate'), formatBirthDate(revision.birthDate, i18n.language)],
          [t('personHistory.replacedBecause'), revision.reason],
        ];
        return (
          <li key={`${revision.version}:${revision.changedAt}`} className="history-entry history-entry--superseded">
            <h4>
              {t('personHistory.revisionCaption', {
                version: revision.version,
                date: formatDateTime(revision.changedAt, i18n.language),
                by: revision.changedByName ?? revision.changedBy,
              })}
            </h4>
            <dl className="details">
              {rows.map(([label, value]) => (
                <div key={label} className="details__row">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
