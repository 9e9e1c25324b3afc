import type { RuleSet } from '@vaccinate/api-contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { PriorityRulesPage } from './priority-rules-page';

const vaccine = { id: '9a000000-0000-4000-8000-000000000001', name: 'Jcovden' };
const ruleSet: RuleSet = {
  version: 4,
  savedAt: '2026-11-30T10:00:00Z',
  eligibility: [{ productId: vaccine.id, minAgeYears: 18, maxAgeYears: null }],
  rules: {
    version: 1,
    groups: [
      { id: 'everyone', rank: 3, name: { de: 'Alle', en: 'Everyone' }, match: { always: true } },
      { id: 'care', rank: 1, name: { de: 'Pflege', en: 'Care staff' }, match: { any: [{ occupation: ['medical-staff', 'nurse'] }, { age: { min: 60 } }] } },
      { id: 'chronic', rank: 2, name: { de: 'Chronisch', en: 'Chronic conditions' }, match: { answer: { question: 'chronic-condition', equals: true } } },
    ],
  },
};

function renderRules(save: () => Response = () => jsonResponse({ ...ruleSet, version: 5, regrouped: 2 })) {
  const mock = createFetchMock({
    'GET /api/waiting-list/rules': () => jsonResponse(ruleSet),
    'GET /api/catalogue': () => jsonResponse({ sites: [], products: [vaccine] }),
    'PUT /api/waiting-list/rules': save,
  });
  renderWithTenant(<PriorityRulesPage />, { fetch: mock.fetch });
  return mock;
}

const sent = (mock: ReturnType<typeof createFetchMock>) =>
  mock.requests.find((request) => request.method === 'PUT')?.body as { rules: RuleSet['rules']; eligibility: unknown[]; version: number };
const group = (legend: string) => screen.getByRole('group', { name: legend });

describe('priority rules form', () => {
  it('shows the groups in rank order with their conditions, and saves a reordered, extended set with ranks by position', async () => {
    const mock = renderRules();
    expect(await screen.findByRole('group', { name: '1. Care staff' })).toBeTruthy();
    expect(screen.getAllByRole('group').map((fieldset) => fieldset.querySelector('legend')?.textContent)).toEqual([
      '1. Care staff',
      '2. Chronic conditions',
      '3. Everyone',
    ]);
    expect(within(group('1. Care staff')).getByLabelText<HTMLInputElement>('Occupations').value).toBe('medical-staff, nurse');
    expect(within(group('1. Care staff')).getByLabelText<HTMLInputElement>('From age').value).toBe('60');

    await userEvent.click(screen.getByRole('button', { name: 'Move group 2 up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a group' }));
    const added = group('4. group-4');
    fireEvent.change(within(added).getByLabelText('Name (English)'), { target: { value: 'Teachers' } });
    fireEvent.change(within(group('4. Teachers')).getByLabelText('Name (German)'), { target: { value: 'Lehrkräfte' } });
    fireEvent.change(within(group('4. Teachers')).getByLabelText('Condition 1'), { target: { value: 'occupation' } });
    fireEvent.change(within(group('4. Teachers')).getByLabelText('Occupations'), { target: { value: 'teacher' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Saved\. 2 waiting registrations/)).toBeTruthy();
    const body = sent(mock);
    expect(body.version).toBe(4);
    expect(body.rules.groups.map(({ id, rank }) => [id, rank])).toEqual([
      ['chronic', 1],
      ['care', 2],
      ['everyone', 3],
      ['group-4', 4],
    ]);
    expect(body.rules.groups[1]?.match).toEqual({ any: [{ occupation: ['medical-staff', 'nurse'] }, { age: { min: 60 } }] });
    expect(body.rules.groups[3]).toEqual({ id: 'group-4', rank: 4, name: { de: 'Lehrkräfte', en: 'Teachers' }, match: { occupation: ['teacher'] } });
    expect(body.eligibility).toEqual([{ productId: vaccine.id, minAgeYears: 18, maxAgeYears: null }]);
  });

  it('shows the problems the API names at their fields', async () => {
    renderRules(() =>
      problemResponse({
        status: 400,
        code: 'validation.failed',
        errors: [
          { field: 'rules.groups.1.name.en', message: 'must be a non-blank text of at most 120 characters' },
          { field: 'rules.groups.0.match.any.1.age.min', message: 'must be a whole number from 0 to 150' },
          { field: 'eligibility.0.maxAgeYears', message: 'must not be below minAgeYears' },
        ],
      }),
    );
    await screen.findByRole('group', { name: '1. Care staff' });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const name = within(group('2. Chronic conditions')).getByLabelText('Name (English)');
    expect(await screen.findByText('must be a non-blank text of at most 120 characters')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(within(group('2. Chronic conditions')).getByLabelText('Name (German)').getAttribute('aria-invalid')).toBeNull();
    expect(within(group('1. Care staff')).getByLabelText('Condition 2').getAttribute('aria-invalid')).toBe('true');
    expect(within(group('1. Care staff')).getByLabelText('Condition 1').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getAllByLabelText('Up to age').at(-1)?.getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps the JSON as an Advanced tab, both ways', async () => {
    const mock = renderRules();
    await screen.findByRole('group', { name: '1. Care staff' });
    await userEvent.click(screen.getByRole('button', { name: 'Remove group 3' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Advanced (JSON)' }));
    const json = screen.getByLabelText<HTMLTextAreaElement>('Rules (JSON)');
    const shown = JSON.parse(json.value) as RuleSet['rules'];
    expect(shown.groups.map((g) => g.id)).toEqual(['care', 'chronic']);
    shown.groups[1] = { ...shown.groups[1], name: { de: 'Chronisch krank', en: 'Chronically ill' } } as RuleSet['rules']['groups'][number];
    fireEvent.change(json, { target: { value: JSON.stringify(shown) } });
    await userEvent.click(screen.getByRole('tab', { name: 'Form' }));
    expect(screen.getByRole('group', { name: '2. Chronically ill' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/Saved/);
    expect(sent(mock).rules.groups.map((g) => g.name.en)).toEqual(['Care staff', 'Chronically ill']);
  });
});
