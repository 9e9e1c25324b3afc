import type { Questionnaire } from '@vaccinate/api-contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse, type RecordedRequest } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { doctor } from '../test/staff-fixtures';
import { QuestionnairePage } from './questionnaire-page';

const assistant = { ...doctor, roles: ['assistant' as const] };
const questionnaire: Questionnaire = {
  version: 2,
  questions: [
    { key: 'fever_today', text: { de: 'Haben Sie heute Fieber?', en: 'Do you have a fever today?' }, flagWhen: 'yes' },
    { key: 'feel_well', text: { de: 'Fühlen Sie sich gesund?', en: 'Do you feel well?' }, flagWhen: 'no' },
  ],
};

function renderEditor(put: (request: RecordedRequest) => Response, staff = doctor) {
  const mock = createFetchMock({
    'GET /api/questionnaire': () => jsonResponse(questionnaire),
    'PUT /api/questionnaire': put,
  });
  renderWithTenant(<QuestionnairePage staff={staff} />, { fetch: mock.fetch });
  return mock;
}

describe('questionnaire editor', () => {
  it('adds, reorders and saves the questions as a new version based on the loaded one', async () => {
    const mock = renderEditor((request) => jsonResponse({ version: 3, questions: (request.body as { questions: unknown }).questions }));
    expect(await screen.findByText('Version 2')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Move question 2 up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    const third = screen.getByRole('group', { name: 'Question 3' });
    await userEvent.type(within(third).getByRole('textbox', { name: /^Key/ }), 'pregnant');
    await userEvent.type(within(third).getByRole('textbox', { name: 'Question in German' }), 'Sind Sie schwanger?');
    await userEvent.type(within(third).getByRole('textbox', { name: 'Question in English' }), 'Are you pregnant?');
    await userEvent.selectOptions(within(third).getByRole('combobox'), 'yes');
    await userEvent.click(screen.getByRole('button', { name: 'Save as new version' }));

    expect(await screen.findByText(/saved as version 3/)).toBeTruthy();
    expect(screen.getByText('Version 3')).toBeTruthy();
    const body = mock.requests.find((request) => request.method === 'PUT')?.body as { questions: { key: string; flagWhen: unknown }[]; version: number };
    expect(body.version).toBe(2);
    expect(body.questions.map((question) => [question.key, question.flagWhen])).toEqual([
      ['feel_well', 'no'],
      ['fever_today', 'yes'],
      ['pregnant', 'yes'],
    ]);
  });

  it('marks an invalid or repeated key, focuses it and sends nothing', async () => {
    const mock = renderEditor(() => jsonResponse(questionnaire));
    const second = await screen.findByRole('group', { name: 'Question 2' });
    const key = within(second).getByRole('textbox', { name: /^Key/ });
    await userEvent.clear(key);
    await userEvent.type(key, 'fever_today');
    await userEvent.click(screen.getByRole('button', { name: 'Save as new version' }));

    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(key);
    expect(within(second).getByText('Another question already uses this key.')).toBeTruthy();
    expect(mock.requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('shows the API field problem under the input it names', async () => {
    renderEditor(() =>
      problemResponse({
        status: 400,
        code: 'request.invalid',
        errors: [{ field: 'questions.1.text.en', message: 'must be shorter than or equal to 300 characters', rule: 'length' }],
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Save as new version' }));
    const english = within(screen.getByRole('group', { name: 'Question 2' })).getByRole('textbox', { name: 'Question in English' });
    // Worded from the rule in the reader's language, not the API's English sentence.
    expect(await screen.findByText('This is too long.')).toBeTruthy();
    expect(english.getAttribute('aria-invalid')).toBe('true');
  });

  it('says when someone saved meanwhile and loads the latest version on request', async () => {
    const mock = renderEditor(() => problemResponse({ status: 409, code: 'questionnaire.version_conflict' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Remove question 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save as new version' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else saved the questionnaire while you were editing.');
    expect(document.activeElement).toBe(alert);
    await userEvent.click(within(alert).getByRole('button', { name: 'Load latest version' }));
    expect(await screen.findByRole('group', { name: 'Question 2' })).toBeTruthy();
    expect(mock.requests.filter((request) => request.url === '/api/questionnaire' && request.method === 'GET')).toHaveLength(2);
  });

  it('shows the questions read-only to an assistant', async () => {
    renderEditor(() => jsonResponse(questionnaire), assistant);
    expect(await screen.findByRole('cell', { name: 'Do you have a fever today?' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save as new version' })).toBeNull();
    expect(screen.getByText('Only doctors and administrators can change the questions.')).toBeTruthy();
  });
});
