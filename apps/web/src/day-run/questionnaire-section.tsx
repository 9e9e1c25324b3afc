import type { QuestionnaireAnswer, VisitDetail } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { describeError } from '../shared/api/error-message';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { saveAnswers } from './day-run-api';

/** The tenant's questions, answered with the person (on a tablet or by the assistant), and their consent. */
export function QuestionnaireSection({ visit, onSaved }: { visit: VisitDetail; onSaved: (visit: VisitDetail) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const language = i18n.language === 'de' ? 'de' : 'en';
  const [answers, setAnswers] = useState<Record<string, QuestionnaireAnswer>>(visit.answers?.answers ?? {});
  const [note, setNote] = useState(visit.answers?.note ?? '');
  const [consent, setConsent] = useState(visit.consent);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const complete = visit.questionnaire.questions.every((question) => answers[question.key] !== undefined) && consent;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSaved(
        await saveAnswers(api, visit.id, { questionnaireVersion: visit.questionnaire.version, answers, note: note.trim() || null, consent, version: visit.version }),
      );
      setSaved(true);
    } catch (cause) {
      setError(describeError(cause, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card questionnaire" onSubmit={(event) => void submit(event)} aria-labelledby="questions-title">
      <h2 id="questions-title">{t('dayRun.visit.questions')}</h2>
      {visit.answers && visit.answers.flagged.length > 0 ? (
        <div className="alert alert--info" role="note">
          <p>
            <strong>{t('dayRun.visit.flaggedTitle')}</strong>
          </p>
          <ul>
            {visit.answers.flagged.map((key) => (
              <li key={key}>{visit.questionnaire.questions.find((question) => question.key === key)?.text[language] ?? key}</li>
            ))}
          </ul>
          {visit.answers.note ? <p>{visit.answers.note}</p> : null}
        </div>
      ) : null}
      {visit.questionnaire.questions.map((question) => (
        <fieldset key={question.key} className="fieldset question">
          <legend>{question.text[language]}</legend>
          {(['yes', 'no'] as const).map((answer) => (
            <label key={answer} className="choice question__choice">
              <input
                type="radio"
                name={`answer-${question.key}`}
                value={answer}
                checked={answers[question.key] === answer}
                onChange={() => setAnswers((current) => ({ ...current, [question.key]: answer }))}
              />
              <span>{t(`dayRun.visit.${answer}`)}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <div className="field">
        <label className="field__label" htmlFor="visit-note">
          {t('dayRun.visit.note')} <span className="field__optional">({t('common.optional')})</span>
        </label>
        <textarea id="visit-note" className="field__input" rows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} />
        <span>{t('dayRun.visit.consent')}</span>
      </label>
      <FormAlert messages={error ? [error] : []} />
      {saved ? <StatusMessage tone="success">{t('dayRun.visit.answersSaved')}</StatusMessage> : null}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy || !complete}>
          {t('dayRun.visit.saveAnswers')}
        </button>
      </div>
    </form>
  );
}
