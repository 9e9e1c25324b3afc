import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { ApiProblemError } from '../shared/api/api-error';
import { describeError } from '../shared/api/error-message';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { fetchRules, saveRules, type RuleSet } from './waiting-list-api';

/** The priority groups and eligibility limits as the data they are: shown as a table, edited as JSON, checked by the API. */
export function PriorityRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('waitingList.rules.title'));
  const query = useStaffQuery('priority-rules', fetchRules);
  return (
    <section className="page" aria-labelledby="rules-title">
      <h1 id="rules-title">{t('waitingList.rules.title')}</h1>
      <p className="lead">{t('waitingList.rules.intro')}</p>
      <QueryState resource={query.resource} retry={query.refresh}>
        {(ruleSet) => <RulesEditor key={ruleSet.version} ruleSet={ruleSet} onSaved={query.refresh} />}
      </QueryState>
    </section>
  );
}

function RulesEditor({ ruleSet, onSaved }: { ruleSet: RuleSet; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const locale = i18n.language === 'de' ? 'de' : 'en';
  const [rules, setRules] = useState(() => JSON.stringify(ruleSet.rules, null, 2));
  const [eligibility, setEligibility] = useState(() => JSON.stringify(ruleSet.eligibility, null, 2));
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    let parsed: [unknown, unknown];
    try {
      parsed = [JSON.parse(rules), JSON.parse(eligibility)];
    } catch {
      setErrors([t('waitingList.rules.notJson')]);
      return;
    }
    try {
      setSaved((await saveRules(api, parsed[0], parsed[1])).regrouped);
      onSaved();
    } catch (error) {
      const fields = error instanceof ApiProblemError ? error.fieldProblems.map((problem) => `${problem.field}: ${problem.message}`) : [];
      setErrors(fields.length > 0 ? fields : [describeError(error, t)]);
    }
  };

  return (
    <>
      {saved !== null ? <StatusMessage tone="success">{t('waitingList.rules.saved', { count: saved })}</StatusMessage> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('waitingList.rules.rank')}</th>
              <th scope="col">{t('waitingList.rules.group')}</th>
            </tr>
          </thead>
          <tbody>
            {[...ruleSet.rules.groups]
              .sort((a, b) => a.rank - b.rank)
              .map((group) => (
                <tr key={group.id}>
                  <td>{group.rank}</td>
                  <td>{group.name[locale]}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert messages={errors} />
        <label className="field__label" htmlFor="rules-json">
          {t('waitingList.rules.rulesJson')}
        </label>
        <textarea id="rules-json" className="field__input" rows={18} spellCheck={false} value={rules} onChange={(event) => setRules(event.target.value)} />
        <label className="field__label" htmlFor="eligibility-json">
          {t('waitingList.rules.eligibilityJson')}
        </label>
        <textarea
          id="eligibility-json"
          className="field__input"
          rows={6}
          spellCheck={false}
          value={eligibility}
          onChange={(event) => setEligibility(event.target.value)}
        />
        <button type="submit" className="button button--primary">
          {t('common.save')}
        </button>
      </form>
    </>
  );
}
