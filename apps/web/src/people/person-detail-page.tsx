import type { Person, PersonErasure, StaffProfile } from '@vaccinate/api-contracts';
import { hasAnyRole } from '../shared/staff-roles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { Link } from '../shared/routing/router';
import { useHistoryState } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { LoadingIndicator, StatusMessage } from '../shared/ui/status-message';
import { formatBirthDate } from './birth-date-format.util';
import { PERSON_EDITOR_ROLES, updatePerson } from './people-api';
import { PersonForm } from './person-form';
import { changedFields, formValuesFromPerson, personInputFromForm } from './person-form-values';
import { DATA_RIGHTS_ROLES } from './person-data-rights-api';
import { PersonDataRights } from './person-data-rights';
import { PersonHistorySection } from './person-history-section';
import { usePerson } from './use-person';

export function PersonDetailPage({ id, staff }: { id: string; staff: StaffProfile }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const historyState = useHistoryState();
  const { result, reload, replace } = usePerson(id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'unchanged' | null>(null);
  const [erasure, setErasure] = useState<PersonErasure | null>(null);
  // Names are personal data, so they stay out of the document title (it lands in history and tabs).
  usePageTitle(t('person.title'));

  const save = async (person: Person, values: ReturnType<typeof formValuesFromPerson>, reason: string) => {
    const changes = changedFields(person, personInputFromForm(values));
    if (Object.keys(changes).length === 0) {
      setNotice('unchanged');
      setEditing(false);
      return;
    }
    replace(await updatePerson(api, person.id, { ...changes, version: person.version, reason }));
    setNotice('saved');
    setEditing(false);
  };

  const reloadLatest = () => {
    setEditing(false);
    setNotice(null);
    reload();
  };

  return (
    <section className="page" aria-labelledby="person-title">
      <Link className="back-link" to={paths.people}>
        {t('people.backToList')}
      </Link>
      {erasure ? (
        <>
          <h1 id="person-title">{t('person.title')}</h1>
          <StatusMessage tone="success">
            {erasure.retainedUntil
              ? t('personData.erasedKept', { count: erasure.retainedVaccinations, until: new Date(erasure.retainedUntil).toLocaleDateString(i18n.language) })
              : t('personData.erased')}
          </StatusMessage>
        </>
      ) : null}
      {erasure ? null : result.status === 'loading' ? <LoadingIndicator label={t('common.loading')} /> : null}
      {!erasure && result.status === 'failed' ? (
        <>
          <h1 id="person-title">{t('person.title')}</h1>
          {result.error instanceof ApiProblemError && result.error.status === 404 ? (
            <FormAlert messages={[t('person.notFound')]} />
          ) : (
            <FormAlert
              messages={[describeError(result.error, t)]}
              action={
                <button type="button" className="button button--secondary" onClick={reload}>
                  {t('common.retry')}
                </button>
              }
            />
          )}
        </>
      ) : null}
      {!erasure && result.status === 'loaded' ? (
        <>
          <div className="page__header">
            <h1 id="person-title">
              {result.person.givenName} {result.person.familyName}
            </h1>
            {editing || !hasAnyRole(staff.roles, PERSON_EDITOR_ROLES) ? null : (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </button>
            )}
          </div>
          {notice === 'saved' ? <StatusMessage tone="success">{t('person.saved')}</StatusMessage> : null}
          {notice === 'unchanged' ? <StatusMessage>{t('person.unchanged')}</StatusMessage> : null}
          {!notice && historyState?.['notice'] === 'person-created' && !editing ? <StatusMessage tone="success">{t('person.created')}</StatusMessage> : null}
          <div className="card">
            {editing ? (
              <PersonForm
                key={result.person.version}
                initialValues={formValuesFromPerson(result.person)}
                submitLabel={t('common.save')}
                askReason
                onSubmit={(values, reason) => save(result.person, values, reason)}
                describeProblem={(error) =>
                  error instanceof ApiProblemError && error.code === 'person.version_conflict'
                    ? {
                        message: t('person.staleVersion'),
                        action: (
                          <button type="button" className="button button--secondary" onClick={reloadLatest}>
                            {t('person.loadLatest')}
                          </button>
                        ),
                      }
                    : undefined
                }
                secondaryActions={
                  <button type="button" className="button button--ghost" onClick={() => setEditing(false)}>
                    {t('common.cancel')}
                  </button>
                }
              />
            ) : (
              <PersonDetails person={result.person} />
            )}
          </div>
          <PersonHistorySection personId={result.person.id} personVersion={result.person.version} staff={staff} />
          {hasAnyRole(staff.roles, DATA_RIGHTS_ROLES) ? <PersonDataRights personId={result.person.id} onErased={setErasure} /> : null}
        </>
      ) : null}
    </section>
  );
}

function PersonDetails({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const rows: Array<[string, string]> = [
    [t('person.givenName'), person.givenName],
    [t('person.familyName'), person.familyName],
    [t('person.email'), person.email],
    [t('person.birthDate'), formatBirthDate(person.birthDate, i18n.language)],
    [t('person.phone'), person.phone ?? '—'],
    [t('person.employeeNumber'), person.employeeNumber ?? '—'],
  ];
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label} className="details__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
