import type { Questionnaire, QuestionnaireChange, QuestionnaireQuestion } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export const fetchQuestionnaire = (api: ApiClient, signal?: AbortSignal) => api.get<Questionnaire>('/questionnaire', signal ? { signal } : {});

/** Saves a new version; `basedOnVersion` is the one edited, so a change made meanwhile is not overwritten (409). */
export const replaceQuestionnaire = (api: ApiClient, questions: QuestionnaireQuestion[], basedOnVersion: number) =>
  api.request<Questionnaire>('PUT', '/questionnaire', { body: { questions, version: basedOnVersion } satisfies QuestionnaireChange });
