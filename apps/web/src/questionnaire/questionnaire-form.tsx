import type { Questionnaire } from '@vaccinate/api-contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { staleVersionMessage, useFormSubmit } from '../shared/use-form-submit';
import { FormAlert } from '../shared/ui/form-alert';
import { QuestionFields } from './question-fields';
import { replaceQuestionnaire } from './questionnaire-api';
import {
  MAX_QUESTIONS,
  draftsFromQuestionnaire,
  emptyDraft,
  moveDraft,
  questionFieldNames,
  questionsFromDrafts,
  validateDrafts,
  type QuestionDraft,
} from './questionnaire-form-values';

interface QuestionnaireFormProps {
  questionnaire: Questionnaire;
  onSaved: (saved: Questionnaire) => void;
  /** Fetches the current questionnaire again after a version conflict. */
  onLoadLatest: () => void;
}

/** Edits a copy of the questions; saving makes a new version based on the one loaded. */
export function QuestionnaireForm({ questionnaire, onSaved, onLoadLatest }: QuestionnaireFormProps) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [drafts, setDrafts] = useState<QuestionDraft[]>(() => draftsFromQuestionnaire(questionnaire));
  const [stale, setStale] = useState(false);
  const form = useFormSubmit(questionFieldNames(drafts.length));
  const addRef = useRef<HTMLButtonElement>(null);

  const update = (index: number, draft: QuestionDraft) => setDrafts((current) => current.map((item, position) => (position === index ? draft : item)));
  const remove = (index: number) => {
    setDrafts((current) => current.filter((_, position) => position !== index));
    // The removed question's buttons are gone; the add button is a stable place to continue from.
    addRef.current?.focus();
  };
  const add = () => setDrafts((current) => [...current, emptyDraft()]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStale(false);
    void form.run(
      validateDrafts(drafts, t),
      async () => onSaved(await replaceQuestionnaire(api, questionsFromDrafts(drafts), questionnaire.version)),
      (error) => {
        const message = staleVersionMessage(error, t('questionnaire.staleVersion'));
        if (message) setStale(true);
        return message;
      },
    );
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert
        ref={form.alertRef}
        messages={form.general}
        action={
          stale ? (
            <button type="button" className="button button--secondary" onClick={onLoadLatest}>
              {t('questionnaire.loadLatest')}
            </button>
          ) : undefined
        }
      />
      <ol className="question-list">
        {drafts.map((draft, index) => (
          <li key={draft.draftId}>
            <QuestionFields
              draft={draft}
              index={index}
              count={drafts.length}
              errors={form.fieldErrors}
              onChange={(next) => update(index, next)}
              onMove={(delta) => setDrafts((current) => moveDraft(current, index, delta))}
              onRemove={() => remove(index)}
            />
          </li>
        ))}
      </ol>
      <div className="actions">
        <button
          ref={addRef}
          type="button"
          className="button button--secondary"
          aria-disabled={drafts.length >= MAX_QUESTIONS || undefined}
          onClick={() => (drafts.length >= MAX_QUESTIONS ? undefined : add())}
        >
          {t('questionnaire.add')}
        </button>
        {drafts.length >= MAX_QUESTIONS ? <p className="field__hint">{t('questionnaire.tooMany', { max: MAX_QUESTIONS })}</p> : null}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('questionnaire.save')}
        </button>
      </div>
    </form>
  );
}
