import type { StaffProfile } from '@vaccinate/api-contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDICAL_DECISION_ROLES } from '../shared/day-admin-roles';
import { hasAnyRole } from '../shared/staff-roles';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { SendCertificateButton } from '../certificates/send-certificate-button';
import { DoseCorrectionForm } from './dose-correction-form';
import { DoseRecord } from './dose-record';
import { groupDoseVersions } from './dose-versions.util';
import { fetchPersonHistory } from './person-history-api';
import { PersonRevisions } from './person-revisions';

interface PersonHistorySectionProps {
  personId: string;
  /** The details' version: a saved correction changes it, and the history is read again. */
  personVersion: number;
  staff: StaffProfile;
}

/** Earlier versions of the details and every version of every dose; doctors correct a dose from here. */
export function PersonHistorySection({ personId, personVersion, staff }: PersonHistorySectionProps) {
  const { t } = useTranslation();
  const query = useStaffQuery(`person-history:${personId}:${personVersion}`, (api, signal) => fetchPersonHistory(api, personId, signal));
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [notice, setNotice] = useState<'corrected' | 'not-current' | null>(null);
  const staleRef = useRef<HTMLDivElement>(null);
  const canCorrect = hasAnyRole(staff.roles, MEDICAL_DECISION_ROLES);

  useEffect(() => {
    if (notice === 'not-current') staleRef.current?.focus();
  }, [notice]);

  const finish = (outcome: 'corrected' | 'not-current') => {
    setCorrecting(null);
    setNotice(outcome);
    query.refresh();
  };

  return (
    <section className="card" aria-labelledby="person-history-title">
      <h2 id="person-history-title">{t('personHistory.title')}</h2>
      <QueryState resource={query.resource} retry={query.refresh}>
        {(history) => {
          const doses = groupDoseVersions(history.vaccinations);
          return (
            <>
              <h3>{t('personHistory.dosesTitle')}</h3>
              {notice === 'corrected' ? <StatusMessage tone="success">{t('doseCorrection.saved')}</StatusMessage> : null}
              {notice === 'not-current' ? <FormAlert ref={staleRef} messages={[t('doseCorrection.problems.not_current')]} /> : null}
              {doses.length === 0 ? (
                <p>{t('personHistory.noDoses')}</p>
              ) : (
                <ol className="history-list">
                  {doses.map(({ current, earlier }) => (
                    <li key={current.id}>
                      <DoseRecord
                        vaccination={current}
                        heading="h4"
                        actions={
                          canCorrect && current.status === 'valid' ? (
                            correcting === current.id ? (
                              <DoseCorrectionForm
                                vaccination={current}
                                onCorrected={() => finish('corrected')}
                                onNotCurrent={() => finish('not-current')}
                                onCancel={() => setCorrecting(null)}
                              />
                            ) : (
                              <div className="actions">
                                <button
                                  type="button"
                                  className="button button--secondary"
                                  onClick={() => {
                                    setNotice(null);
                                    setCorrecting(current.id);
                                  }}
                                >
                                  {t('personHistory.correct')}
                                </button>
                                <SendCertificateButton vaccinationId={current.id} />
                              </div>
                            )
                          ) : undefined
                        }
                      />
                      {earlier.length > 0 ? (
                        <details className="history-earlier">
                          <summary>{t('personHistory.earlierVersions', { count: earlier.length })}</summary>
                          {earlier.map((version) => (
                            <DoseRecord key={version.id} vaccination={version} heading="h4" />
                          ))}
                        </details>
                      ) : null}
                    </li>
                  ))}
                </ol>
              )}
              <h3>{t('personHistory.revisionsTitle')}</h3>
              <PersonRevisions revisions={history.revisions} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
