import { REACTION_SEVERITIES, type ReactionSeverity, type Vaccination, type VisitDetail } from '@vaccinate/api-contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { useDateFormat } from '../shared/time-zone-context';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { observationMinutesLeft } from './board-state';
import { recordReaction } from './day-run-api';

/** The dose given, the observation countdown, and reactions recorded during it. */
export function ObservationSection({ visit, vaccination, onRecorded }: { visit: VisitDetail; vaccination: Vaccination; onRecorded: () => void }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const now = useMinuteClock();
  const until = visit.observationUntil;
  const left = until ? observationMinutesLeft(until, now) : 0;
  return (
    <section className="card" aria-labelledby="observation-title">
      <h2 id="observation-title">{visit.state === 'observation' ? t('dayRun.visit.observation') : t('dayRun.visit.vaccination')}</h2>
      <p>
        {t('dayRun.visit.given', {
          product: vaccination.productName,
          dose: vaccination.doseNumber,
          lot: vaccination.lotNumber,
          time: format.time(vaccination.administeredAt),
        })}
      </p>
      {visit.state === 'observation' && until ? (
        <p className={left > 0 ? 'observation observation--running' : 'observation'} role="timer" aria-live="off">
          {left > 0 ? t('dayRun.visit.observationLeft', { minutes: left, time: format.time(until) }) : t('dayRun.visit.observationOver')}
        </p>
      ) : null}
      {vaccination.adverseReactions.length > 0 ? (
        <>
          <h3>{t('dayRun.visit.reactions')}</h3>
          <ul>
            {vaccination.adverseReactions.map((reaction) => (
              <li key={reaction.id}>
                {format.time(reaction.recordedAt)} · {t(`dayRun.severities.${reaction.severity}`)}: {reaction.description}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ReactionForm vaccinationId={vaccination.id} onRecorded={onRecorded} />
    </section>
  );
}

function ReactionForm({ vaccinationId, onRecorded }: { vaccinationId: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [severity, setSeverity] = useState<ReactionSeverity>('mild');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await recordReaction(api, vaccinationId, severity, description.trim());
      setDescription('');
      onRecorded();
    } catch (cause) {
      setError(describeError(cause, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('dayRun.visit.reaction')}>
      <details>
        <summary>{t('dayRun.visit.reaction')}</summary>
        <SelectField
          label={t('dayRun.visit.severity')}
          name="severity"
          value={severity}
          onChange={(event) => setSeverity(event.target.value as ReactionSeverity)}
          options={REACTION_SEVERITIES.map((value) => ({ value, label: t(`dayRun.severities.${value}`) }))}
        />
        <div className="field">
          <label className="field__label" htmlFor="reaction-description">
            {t('dayRun.visit.reactionDescription')}
          </label>
          <textarea
            id="reaction-description"
            className="field__input"
            rows={2}
            maxLength={1000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <FormAlert messages={error ? [error] : []} />
        <button type="submit" className="button button--secondary" disabled={busy || !description.trim()}>
          {t('dayRun.visit.saveReaction')}
        </button>
      </details>
    </form>
  );
}

/** Re-renders every 30 seconds: enough for a countdown in minutes. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
