import { QuestionnaireChange, type FieldProblem, type Questionnaire, type QuestionnaireQuestion } from '@vaccinate/api-contracts';
import type { TFunction } from 'i18next';
import { checkForm, type FieldWording } from '../shared/api/contract-form';
import type { FieldErrors } from '../shared/api/field-errors';

const questionsSchema = QuestionnaireChange.schema.properties.questions;
/** The limits the API enforces, read from its contract. */
export const MAX_QUESTIONS = questionsSchema.maxItems ?? 0;
export const MAX_QUESTION_TEXT = questionsSchema.items.properties.text.properties.de.maxLength ?? 0;

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
  return Array.from({ length: count }, (_, index) => (['key', 'text.de', 'text.en', 'flagWhen'] as const).map((part) => questionField(index, part))).flat();
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

/**
 * The questions checked with the API's contract for the change (keys, texts, their lengths), each
 * problem under its input in the reader's language; then what the contract cannot say: a key used
 * twice. The API checks again and its answer wins.
 */
export function validateDrafts(drafts: readonly QuestionDraft[], t: TFunction): FieldErrors<string> {
  const questions = questionsFromDrafts(drafts);
  const more: FieldErrors<string> = {};
  const seen = new Set<string>();
  questions.forEach(({ key }, index) => {
    if (key && seen.has(key)) more[questionField(index, 'key')] = t('questionnaire.keyTaken');
    seen.add(key);
  });
  const fields = questionFieldNames(drafts.length);
  const wording: FieldWording<string> = {};
  for (let index = 0; index < drafts.length; index += 1) {
    wording[questionField(index, 'key')] = t('questionnaire.keyFormat');
    for (const part of ['text.de', 'text.en'] as const) wording[questionField(index, part)] = textWording(t);
  }
  // The version is the form's to send; any valid one lets the contract judge the questions.
  return checkForm(QuestionnaireChange, { questions, version: 0 }, fields, t, more, '', wording);
}

/** A text too long says how long it may be; any other problem (a line break, a control character) says what it is. */
const textWording = (t: TFunction) => (problem: FieldProblem) =>
  problem.rule === 'length'
    ? t('questionnaire.textTooLong', { max: MAX_QUESTION_TEXT })
    : problem.rule === 'required'
      ? t('validation.required')
      : t('questionnaire.textSingleLine');
