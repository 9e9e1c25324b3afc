import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { Link } from '../shared/routing/router';
import { useNavigate } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle } from '../tenant/tenant-context';
import { createPerson } from './people-api';
import { PersonForm } from './person-form';
import { EMPTY_PERSON_FORM, personInputFromForm } from './person-form-values';

export function PersonCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const api = useApiClient();
  usePageTitle(t('people.createTitle'));

  return (
    <section className="page" aria-labelledby="person-create-title">
      <Link className="back-link" to={paths.people}>
        {t('people.backToList')}
      </Link>
      <h1 id="person-create-title">{t('people.createTitle')}</h1>
      <div className="card">
        <PersonForm
          initialValues={EMPTY_PERSON_FORM}
          submitLabel={t('people.createSubmit')}
          onSubmit={async (values) => {
            const person = await createPerson(api, personInputFromForm(values));
            void navigate(paths.person(person.id), { state: { notice: 'person-created' } });
          }}
          secondaryActions={
            <Link className="button button--ghost" to={paths.people}>
              {t('common.cancel')}
            </Link>
          }
        />
      </div>
    </section>
  );
}
