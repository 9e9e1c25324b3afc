import type { StaffProfile, VisitDetail } from '@vaccinate/api-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_EDITOR_ROLES, hasAnyRole } from '../shared/staff-roles';
import { loadTenantTimeZone } from '../booking/tenant-settings';
import { TimeZoneProvider } from '../shared/time-zone-context';
import { formatBirthDate } from '../people/birth-date-format.util';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { CheckOutSection } from './check-out-section';
import { fetchVisit } from './day-run-api';
import { DocumentationSection } from './documentation-section';
import { ObservationSection } from './observation-section';
import { QuestionnaireSection } from './questionnaire-section';

/** One person's visit, step by step: questions and consent, the doctor's documentation, observation, check-out. */
export function VisitPage({ visitId, staff }: { visitId: string; staff: StaffProfile }) {
  const { t } = useTranslation();
  usePageTitle(t('dayRun.visit.title'));
  const query = useStaffQuery(`visit:${visitId}`, async (api, signal) => {
    const [visit, timeZone] = await Promise.all([fetchVisit(api, visitId, signal), loadTenantTimeZone(api)]);
    return { visit, timeZone };
  });
  const [latest, setLatest] = useState<VisitDetail | null>(null);
  return (
    <section className="page" aria-labelledby="visit-title">
      <QueryState resource={query.resource} retry={query.refresh} notFound={t('errors.notFound')}>
        {({ visit: loaded, timeZone }) => {
          const visit = latest && latest.id === loaded.id && latest.version >= loaded.version ? latest : loaded;
          return (
            <TimeZoneProvider timeZone={timeZone}>
              <Visit visit={visit} isDoctor={hasAnyRole(staff.roles, CATALOGUE_EDITOR_ROLES)} onChanged={setLatest} reload={query.refresh} />
            </TimeZoneProvider>
          );
        }}
      </QueryState>
    </section>
  );
}

function Visit({ visit, isDoctor, onChanged, reload }: { visit: VisitDetail; isDoctor: boolean; onChanged: (visit: VisitDetail) => void; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const beforeDose = visit.state === 'checked_in' || visit.state === 'in_consultation';
  return (
    <>
      <Link className="back-link" to={paths.dayBoard(visit.dayId)}>
        {t('dayRun.visit.back')}
      </Link>
      <div className="page__header">
        <h1 id="visit-title">
          {visit.person.givenName} {visit.person.familyName}
        </h1>
        <span className="badge">{t(`dayRun.states.${visit.state}`)}</span>
      </div>
      <p className="lead">
        {t('dayRun.visit.born', { date: formatBirthDate(visit.person.birthDate, i18n.language) })} · {visit.product.name}
        {visit.walkIn ? ` · ${t('dayRun.board.walkIn')}` : ''}
      </p>
      {beforeDose ? <QuestionnaireSection visit={visit} onSaved={onChanged} /> : null}
      {beforeDose ? <DocumentationSection visit={visit} isDoctor={isDoctor} onConsulting={onChanged} onDocumented={reload} /> : null}
      {visit.vaccination ? <ObservationSection visit={visit} vaccination={visit.vaccination} onRecorded={reload} /> : null}
      {visit.state === 'observation' || visit.state === 'done' ? <CheckOutSection visit={visit} onCheckedOut={onChanged} /> : null}
    </>
  );
}
