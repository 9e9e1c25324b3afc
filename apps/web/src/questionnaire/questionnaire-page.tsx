import type { Questionnaire, StaffProfile } from '@vaccinate/api-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDICAL_DECISION_ROLES } from '../shared/day-admin-roles';
import { hasAnyRole } from '../shared/staff-roles';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { StatusMessage } from '../shared/ui/status-message';
import { fetchQuestionnaire } from './questionnaire-api';
import { QuestionnaireForm } from './questionnaire-form';
import { QuestionnaireTable } from './questionnaire-table';

/** Doctors edit the questions before vaccination; assistants read them. */
export function QuestionnairePage({ staff }: { staff: StaffProfile }) {
  const { t } = useTranslation();
  usePageTitle(t('questionnaire.title'));
  const query = useStaffQuery('questionnaire', fetchQuestionnaire);
  const [saved, setSaved] = useState<Questionnaire | null>(null);
  // Counts "load latest" clicks, so the form starts over even when the version did not move.
  const [reloads, setReloads] = useState(0);
  const canEdit = hasAnyRole(staff.roles, MEDICAL_DECISION_ROLES);

  const loadLatest = () => {
    setSaved(null);
    setReloads((n) => n + 1);
    query.refresh();
  };

  return (
    <section className="page" aria-labelledby="questionnaire-title">
      <h1 id="questionnaire-title">{t('questionnaire.title')}</h1>
      <p>{t('questionnaire.intro')}</p>
      <QueryState resource={query.resource} retry={query.refresh}>
        {(loaded) => {
          // The saved answer is newer than the loaded one until the next refresh catches up.
          const questionnaire = saved && saved.version >= loaded.version ? saved : loaded;
          return (
            <>
              <p className="questionnaire__version">
                {questionnaire.version === 0 ? t('questionnaire.builtIn') : t('questionnaire.version', { version: questionnaire.version })}
              </p>
              {saved === questionnaire ? <StatusMessage tone="success">{t('questionnaire.saved', { version: saved.version })}</StatusMessage> : null}
              {canEdit ? (
                <div className="card">
                  <QuestionnaireForm key={`${questionnaire.version}:${reloads}`} questionnaire={questionnaire} onSaved={setSaved} onLoadLatest={loadLatest} />
                </div>
              ) : (
                <>
                  <p className="field__hint">{t('questionnaire.readOnly')}</p>
                  <QuestionnaireTable questionnaire={questionnaire} />
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
