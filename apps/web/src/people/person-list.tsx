import type { Person } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { formatBirthDate } from './birth-date-format.util';

export function PersonList({ people }: { people: Person[] }) {
  const { t, i18n } = useTranslation();
  if (people.length === 0) return null;
  return (
    <ul className="person-list">
      {people.map((person) => (
        <li key={person.id} className="person-list__item">
          <Link className="person-list__link" to={paths.person(person.id)}>
            <span className="person-list__name">
              {person.familyName}, {person.givenName}
            </span>
            <span className="person-list__meta">
              <span>{person.email}</span>
              <span>
                {t('person.born')} {formatBirthDate(person.birthDate, i18n.language)}
              </span>
              {person.employeeNumber ? (
                <span>
                  {t('person.employeeNumberShort')} {person.employeeNumber}
                </span>
              ) : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
