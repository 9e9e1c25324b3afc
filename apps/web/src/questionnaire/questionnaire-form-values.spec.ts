import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { MAX_QUESTION_TEXT, MAX_QUESTIONS, emptyDraft, validateDrafts, type QuestionDraft } from './questionnaire-form-values';

const en = createI18n('en').t;
const de = createI18n('de').t;

const draft = (key: string, text = 'Do you have a fever today?', flag: QuestionDraft['flag'] = 'yes'): QuestionDraft => ({
  ...emptyDraft(),
  key,
  de: text,
  en: text,
  flag,
});

describe('questionnaire drafts', () => {
  it("takes its limits from the API's contract", () => {
    expect({ MAX_QUESTIONS, MAX_QUESTION_TEXT }).toEqual({ MAX_QUESTIONS: 40, MAX_QUESTION_TEXT: 300 });
  });

  it('accepts questions the API accepts, trimming what was typed around them', () => {
    expect(validateDrafts([draft('fever_today'), draft('  pregnant ', ' Are you pregnant? ', 'none')], en)).toEqual({});
  });

  it('names each bad input of each question in the reader language', () => {
    const drafts = [draft(''), draft('Fever-Today', ' '), draft('fever_today', 'x'.repeat(301)), draft('fever_today', 'Fever?\tCough?')];
    expect(validateDrafts(drafts, en)).toEqual({
      'questions.0.key': 'Please fill in this field.',
      'questions.1.key': 'Use 1–40 lowercase letters, digits or _, starting with a letter.',
      'questions.1.text.de': 'Please fill in this field.',
      'questions.1.text.en': 'Please fill in this field.',
      'questions.2.text.de': 'Please keep the question to 300 characters.',
      'questions.2.text.en': 'Please keep the question to 300 characters.',
      'questions.3.key': 'Another question already uses this key.',
      'questions.3.text.de': 'Please write the question on one line, without tabs or other control characters.',
      'questions.3.text.en': 'Please write the question on one line, without tabs or other control characters.',
    });
    expect(validateDrafts(drafts, de)).toMatchObject({
      'questions.0.key': 'Bitte füllen Sie dieses Feld aus.',
      'questions.1.key': de('questionnaire.keyFormat'),
      'questions.2.text.de': 'Bitte fassen Sie die Frage in höchstens 300 Zeichen.',
      'questions.3.text.en': de('questionnaire.textSingleLine'),
    });
  });
});
