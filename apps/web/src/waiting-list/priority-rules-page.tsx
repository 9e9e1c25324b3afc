import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { ApiProblemError } from '../shared/api/api-error';
import { problemText } from '../shared/api/contract-form';
import { describeError } from '../shared/api/error-message';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { fetchCatalogue } from '../booking/booking-api';
import { RulesForm } from './rules-form';
import { fromDraft, placeProblems, toDraft, type RulesDraft } from './rules-form-model';
import { fetchRules, saveRules, type RuleSet } from './waiting-list-api';

/** The priority groups and age limits: edited as a form, or as the JSON they are in the Advanced tab; the API checks both. */
export function PriorityRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('waitingList.rules.title'));
  const query = useStaffQuery('priority-rules', async (api, signal) => {
    const [ruleSet, catalogue] = await Promise.all([fetchRules(api, signal), fetchCatalogue(api, signal)]);
    return { ruleSet, products: catalogue.products };
  });
  return (
    <section className="page" aria-labelledby="rules-title">
      <h1 id="rules-title">{t('waitingList.rules.title')}</h1>
      <p className="lead">{t('waitingList.rules.intro')}</p>
      <QueryState resource={query.resource} retry={query.refresh}>
        {({ ruleSet, products }) => <RulesEditor key={ruleSet.version} ruleSet={ruleSet} products={products} onSaved={query.refresh} />}
      </QueryState>
    </section>
  );
}

type Tab = 'form' | 'advanced';

function RulesEditor({ ruleSet, products, onSaved }: { ruleSet: RuleSet; products: { id: string; name: string }[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [tab, setTab] = useState<Tab>('form');
  const [draft, setDraft] = useState<RulesDraft>(() => toDraft(ruleSet.rules, ruleSet.eligibility));
  const [rules, setRules] = useState('');
  const [eligibility, setEligibility] = useState('');
  const [problems, setProblems] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState<number | null>(null);

  /** The JSON in the Advanced tab as the form's draft, or null (with the reason shown) when it is not JSON the form can read. */
  const parsedAdvanced = (): { rules: unknown; eligibility: unknown } | null => {
    try {
      return { rules: JSON.parse(rules) as unknown, eligibility: JSON.parse(eligibility) as unknown };
    } catch {
      setProblems({ form: [t('waitingList.rules.notJson')] });
      return null;
    }
  };

  const switchTo = (next: Tab) => {
    if (next === tab) return;
    if (next === 'advanced') {
      const document = fromDraft(draft);
      setRules(JSON.stringify(document.rules, null, 2));
      setEligibility(JSON.stringify(document.eligibility, null, 2));
    } else {
      const parsed = parsedAdvanced();
      if (!parsed) return;
      const readable = isRuleSetShape(parsed.rules) && Array.isArray(parsed.eligibility);
      if (!readable) {
        setProblems({ form: [t('waitingList.rules.notReadable')] });
        return;
      }
      setDraft(toDraft(parsed.rules as RuleSet['rules'], parsed.eligibility as RuleSet['eligibility']));
    }
    setProblems({});
    setTab(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems({});
    setSaved(null);
    const document = tab === 'form' ? fromDraft(draft) : parsedAdvanced();
    if (!document) return;
    try {
      setSaved((await saveRules(api, document.rules, document.eligibility, ruleSet.version)).regrouped);
      onSaved();
    } catch (error) {
      const fields = error instanceof ApiProblemError ? error.fieldProblems : [];
      if (fields.length === 0) setProblems({ form: [describeError(error, t)] });
      // A contract rule reads in the reader's language; the rules' own checks name the problem precisely in theirs.
      else if (tab === 'form') setProblems(placeProblems(fields, draft, (problem) => (problem.rule ? problemText(problem, t) : problem.message)));
      else setProblems({ form: fields.map((problem) => `${problem.field}: ${problem.message}`) });
    }
  };

  return (
    <>
      {saved !== null ? <StatusMessage tone="success">{t('waitingList.rules.saved', { count: saved })}</StatusMessage> : null}
      <div role="tablist" aria-label={t('waitingList.rules.title')} className="actions">
        {(['form', 'advanced'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`rules-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="rules-panel"
            className={tab === name ? 'button button--primary' : 'button button--secondary'}
            onClick={() => switchTo(name)}
          >
            {t(`waitingList.rules.tab.${name}`)}
          </button>
        ))}
      </div>
      <form id="rules-panel" role="tabpanel" aria-labelledby={`rules-tab-${tab}`} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert messages={problems['form'] ?? []} />
        {tab === 'form' ? (
          <RulesForm draft={draft} onChange={setDraft} products={products} problems={problems} />
        ) : (
          <>
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
          </>
        )}
        <button type="submit" className="button button--primary">
          {t('common.save')}
        </button>
      </form>
    </>
  );
}

function isRuleSetShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { groups?: unknown }).groups)) return false;
  return (value as { groups: unknown[] }).groups.every(
    (group) => typeof group === 'object' && group !== null && typeof (group as { name?: unknown }).name === 'object' && (group as { name?: unknown }).name !== null,
  );
}
