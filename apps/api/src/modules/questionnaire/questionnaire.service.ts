import { Injectable } from '@nestjs/common';
import type { Questionnaire, QuestionnaireAnswer, QuestionnaireQuestion } from '@vaccinate/api-contracts';
import { AppException, ValidationException } from '../../common/problem/app-exception';
import { currentActor } from '../../common/request-context';
import { DEFAULT_QUESTIONS } from './default-questionnaire';
import { QuestionnaireRepository } from './questionnaire.repository';

/** Version 0 is the built-in questionnaire; every saved change is a new version, old answers keep theirs. */
@Injectable()
export class QuestionnaireService {
  constructor(private readonly questionnaires: QuestionnaireRepository) {}

  async current(): Promise<Questionnaire> {
    return (await this.questionnaires.latest()) ?? { version: 0, questions: DEFAULT_QUESTIONS };
  }

  async version(version: number): Promise<Questionnaire | null> {
    if (version === 0) return { version: 0, questions: DEFAULT_QUESTIONS };
    return this.questionnaires.byVersion(version);
  }

  async replace(questions: QuestionnaireQuestion[], basedOnVersion: number): Promise<Questionnaire> {
    const keys = questions.map((question) => question.key);
    const duplicate = keys.findIndex((key, index) => keys.indexOf(key) !== index);
    if (duplicate >= 0) throw new ValidationException([{ field: `questions.${duplicate}.key`, message: 'must be unique' }]);
    const current = await this.current();
    if (current.version !== basedOnVersion) throw staleQuestionnaire();
    const actor = currentActor();
    if (!(await this.questionnaires.add(current.version + 1, questions, actor))) throw staleQuestionnaire();
    return { version: current.version + 1, questions };
  }
}

/** The keys answered with the flagged answer of their question. */
export function flaggedAnswers(questionnaire: Questionnaire, answers: Record<string, QuestionnaireAnswer>): string[] {
  return questionnaire.questions.filter((question) => question.flagWhen !== null && answers[question.key] === question.flagWhen).map((question) => question.key);
}

function staleQuestionnaire(): AppException {
  return new AppException('questionnaire.version_conflict', 409, 'The questionnaire was changed meanwhile', 'Reload it and apply your change again.');
}
