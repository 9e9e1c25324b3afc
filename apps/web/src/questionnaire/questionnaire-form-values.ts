import type { Questionnaire, QuestionnaireQuestion } from '@vaccinate/api-contracts';
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../shared/api/field-errors';

/** The limits the API enforces, checked here first so the form can say which field is wrong. */
export const MAX_QUESTIONS = 40;
export const MAX_QUESTION_TEXT = 300;
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export type FlagChoice = 'yes' | 'no' | 'none';

/** One question as the inputs hold it; `draftId` keeps React's identity stable while questions move. */
export interface QuestionDraft {
  draftId: string;
  key: string;
  de: string;
  en: string;
  flag: FlagChoice;
}

/** Field names as the API reports them (`questions.2.key`), so its problems land under the right input. */
export const questionField = (index: number, part: 'key' | 'text.de' | 'text.en' | 'flagWhen') => `questions.${index}.${part}`;

export function questionFieldNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    (['key', 'text.de', 'text.en', 'flagWhen'] as const).map((part) => questionField(index, part)),
  ).flat();
}

let draftCounter = 0;
const nextDraftId = () => `question-draft-${++draftCounter}`;

export function draftsFromQuestionnaire(questionnaire: Questionnaire): QuestionDraft[] {
  return questionnaire.questions.map((question) => ({
    draftId: nextDraftId(),
    key: question.key,
    de: question.text.de,
    en: question.text.en,
    flag: question.flagWhen ?? 'none',
  }));
}

export function emptyDraft(): QuestionDraft {
  return { draftId: nextDraftId(), key: '', de: '', en: '', flag: 'none' };
}

export function questionsFromDrafts(drafts: readonly QuestionDraft[]): QuestionnaireQuestion[] {
  return drafts.map((draft) => ({
    key: draft.key.trim(),
    text: { de: draft.de.trim(), en: draft.en.trim() },
    flagWhen: draft.flag === 'none' ? null : draft.flag,
  }));
}

/** Moves the question at `index` one place up (-1) or down (+1); out of range changes nothing. */
export function moveDraft(drafts: readonly QuestionDraft[], index: number, delta: -1 | 1): QuestionDraft[] {
  const target = index + delta;
  const moved = drafts[index];
  if (!moved || target < 0 || target >= drafts.length) return [...drafts];
  const next = drafts.filter((_, position) => position !== index);
  next.splice(target, 0, moved);
  return next;
}

/** Quick checks with translated messages; the API validates again and its answer wins. */
export function validateDrafts(drafts: readonly QuestionDraft[], t: TFunction): FieldErrors<string> {
  const errors: FieldErrors<string> = {};
  const seen = new Set<string>();
  drafts.forEach((draft, index) => {
    const key = draft.key.trim();
    if (!key) errors[questionField(index, 'key')] = t('validation.required');
    else if (!KEY_PATTERN.test(key)) errors[questionField(index, 'key')] = t('questionnaire.keyFormat');
    else if (seen.has(key)) errors[questionField(index, 'key')] = t('questionnaire.keyTaken');
    seen.add(key);
    for (const [part, text] of [['text.de', draft.de], ['text.en', draft.en]] as const) {
      if (!text.trim()) errors[questionField(index, part)] = t('validation.required');
      else if (text.trim().length > MAX_QUESTION_TEXT) errors[questionField(index, part)] = t('questionnaire.textTooLong', { max: MAX_QUESTION_TEXT });
    }
  });
  return errors;
}
