import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../shared/api/field-errors';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import { questionField, type FlagChoice, type QuestionDraft } from './questionnaire-form-values';

interface QuestionFieldsProps {
  draft: QuestionDraft;
  index: number;
  count: number;
  errors: FieldErrors<string>;
  onChange: (draft: QuestionDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

const FLAG_CHOICES: readonly FlagChoice[] = ['yes', 'no', 'none'];

/**
 * One question's inputs and its move and remove buttons. The buttons at an end are marked
 * aria-disabled rather than disabled, so keyboard focus stays on them after a move.
 */
export function QuestionFields({ draft, index, count, errors, onChange, onMove, onRemove }: QuestionFieldsProps) {
  const { t } = useTranslation();
  const number = index + 1;
  const set = (change: Partial<QuestionDraft>) => onChange({ ...draft, ...change });
  const first = index === 0;
  const last = index === count - 1;
  return (
    <fieldset className="fieldset question-fields">
      <legend className="fieldset__legend">{t('questionnaire.questionHeading', { number })}</legend>
      <TextField
        label={t('questionnaire.key')}
        hint={t('questionnaire.keyHint')}
        name={questionField(index, 'key')}
        value={draft.key}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => set({ key: event.target.value })}
        error={errors[questionField(index, 'key')]}
        required
      />
      <TextField
        label={t('questionnaire.textDe')}
        name={questionField(index, 'text.de')}
        lang="de"
        value={draft.de}
        onChange={(event) => set({ de: event.target.value })}
        error={errors[questionField(index, 'text.de')]}
        required
      />
      <TextField
        label={t('questionnaire.textEn')}
        name={questionField(index, 'text.en')}
        lang="en"
        value={draft.en}
        onChange={(event) => set({ en: event.target.value })}
        error={errors[questionField(index, 'text.en')]}
        required
      />
      <SelectField
        label={t('questionnaire.flagWhen')}
        name={questionField(index, 'flagWhen')}
        value={draft.flag}
        onChange={(event) => set({ flag: event.target.value as FlagChoice })}
        error={errors[questionField(index, 'flagWhen')]}
        options={FLAG_CHOICES.map((choice) => ({ value: choice, label: t(`questionnaire.flagOptions.${choice}`) }))}
      />
      <div className="actions">
        <button type="button" className="button button--ghost" aria-disabled={first || undefined} onClick={() => (first ? undefined : onMove(-1))}>
          {t('questionnaire.moveUp', { number })}
        </button>
        <button type="button" className="button button--ghost" aria-disabled={last || undefined} onClick={() => (last ? undefined : onMove(1))}>
          {t('questionnaire.moveDown', { number })}
        </button>
        <button type="button" className="button button--ghost" aria-disabled={count === 1 || undefined} onClick={() => (count === 1 ? undefined : onRemove())}>
          {t('questionnaire.remove', { number })}
        </button>
      </div>
    </fieldset>
  );
}
