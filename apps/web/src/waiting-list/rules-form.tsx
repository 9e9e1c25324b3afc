import { useTranslation } from 'react-i18next';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import { draftKey, newGroupId, type ConditionDraft, type GroupDraft, type LimitDraft, type RulesDraft } from './rules-form-model';

interface RulesFormProps {
  draft: RulesDraft;
  onChange: (draft: RulesDraft) => void;
  products: { id: string; name: string }[];
  problems: Record<string, string[]>;
}

const NEW_CONDITION: Record<ConditionDraft['kind'], ConditionDraft> = {
  age: { kind: 'age', min: '', max: '' },
  occupation: { kind: 'occupation', occupations: '' },
  answer: { kind: 'answer', question: '', answerType: 'yes', value: '' },
  always: { kind: 'always' },
};

/** The priority groups in rank order (first served first) and the age limits per vaccine, as inputs. */
export function RulesForm({ draft, onChange, products, problems }: RulesFormProps) {
  const { t } = useTranslation();
  const error = (field: string) => problems[field]?.join(' ');
  const setGroups = (groups: GroupDraft[]) => onChange({ ...draft, groups });
  const setGroup = (index: number, change: Partial<GroupDraft>) => setGroups(draft.groups.map((group, i) => (i === index ? { ...group, ...change } : group)));
  const move = (index: number, by: -1 | 1) => {
    const groups = [...draft.groups];
    const [moved] = groups.splice(index, 1);
    if (moved) groups.splice(index + by, 0, moved);
    setGroups(groups);
  };
  const setLimit = (index: number, change: Partial<LimitDraft>) =>
    onChange({ ...draft, limits: draft.limits.map((limit, i) => (i === index ? { ...limit, ...change } : limit)) });

  return (
    <>
      <h2>{t('waitingList.rules.groups')}</h2>
      <ol className="rule-groups">
        {draft.groups.map((group, index) => (
          <li key={group.key}>
            <fieldset className="card">
              <legend>{t('waitingList.rules.groupLegend', { rank: index + 1, name: group.nameEn || group.nameDe || group.id })}</legend>
              {error(`group.${index}`) ? <p className="field__error">{error(`group.${index}`)}</p> : null}
              <div className="form__grid">
                <TextField
                  name={`group-${index}-name-en`}
                  label={t('waitingList.rules.nameEn')}
                  value={group.nameEn}
                  error={error(`group.${index}.nameEn`)}
                  onChange={(event) => setGroup(index, { nameEn: event.target.value })}
                />
                <TextField
                  name={`group-${index}-name-de`}
                  label={t('waitingList.rules.nameDe')}
                  value={group.nameDe}
                  error={error(`group.${index}.nameDe`)}
                  onChange={(event) => setGroup(index, { nameDe: event.target.value })}
                />
              </div>
              {group.custom ? (
                <p className="field__hint">{t('waitingList.rules.customMatch')}</p>
              ) : (
                <ConditionList group={group} index={index} problems={problems} onChange={(change) => setGroup(index, change)} />
              )}
              <div className="actions">
                <button type="button" className="button button--secondary" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t('waitingList.rules.moveUp', { rank: index + 1 })}
                </button>
                <button type="button" className="button button--secondary" disabled={index === draft.groups.length - 1} onClick={() => move(index, 1)}>
                  {t('waitingList.rules.moveDown', { rank: index + 1 })}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setGroups(draft.groups.filter((_, i) => i !== index))}>
                  {t('waitingList.rules.removeGroup', { rank: index + 1 })}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          setGroups([
            ...draft.groups,
            { key: draftKey(), id: newGroupId(draft.groups), nameDe: '', nameEn: '', combine: 'any', conditions: [NEW_CONDITION.always], custom: null },
          ])
        }
      >
        {t('waitingList.rules.addGroup')}
      </button>

      <h2>{t('waitingList.rules.limits')}</h2>
      {draft.limits.map((limit, index) => (
        <div key={limit.key} className="form__grid">
          <SelectField
            name={`limit-${index}-product`}
            label={t('waitingList.rules.product')}
            placeholder={t('common.choose')}
            value={limit.productId}
            error={error(`limit.${index}.productId`)}
            onChange={(event) => setLimit(index, { productId: event.target.value })}
            options={products.map((product) => ({ value: product.id, label: product.name }))}
          />
          <TextField
            name={`limit-${index}-min`}
            type="number"
            min={0}
            label={t('waitingList.rules.minAge')}
            value={limit.min}
            error={error(`limit.${index}.min`)}
            onChange={(event) => setLimit(index, { min: event.target.value })}
          />
          <TextField
            name={`limit-${index}-max`}
            type="number"
            min={0}
            label={t('waitingList.rules.maxAge')}
            value={limit.max}
            error={error(`limit.${index}.max`)}
            onChange={(event) => setLimit(index, { max: event.target.value })}
          />
          <button type="button" className="button button--secondary" onClick={() => onChange({ ...draft, limits: draft.limits.filter((_, i) => i !== index) })}>
            {t('waitingList.rules.removeLimit')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange({ ...draft, limits: [...draft.limits, { key: draftKey(), productId: '', min: '', max: '' }] })}
      >
        {t('waitingList.rules.addLimit')}
      </button>
    </>
  );
}

function ConditionList({
  group,
  index,
  problems,
  onChange,
}: {
  group: GroupDraft;
  index: number;
  problems: Record<string, string[]>;
  onChange: (change: Partial<GroupDraft>) => void;
}) {
  const { t } = useTranslation();
  const setCondition = (at: number, condition: ConditionDraft) => onChange({ conditions: group.conditions.map((current, i) => (i === at ? condition : current)) });
  return (
    <>
      <SelectField
        name={`group-${index}-combine`}
        label={t('waitingList.rules.combine')}
        value={group.combine}
        onChange={(event) => onChange({ combine: event.target.value as 'any' | 'all' })}
        options={[
          { value: 'any', label: t('waitingList.rules.combineAny') },
          { value: 'all', label: t('waitingList.rules.combineAll') },
        ]}
      />
      {group.conditions.map((condition, at) => {
        const prefix = `group-${index}-condition-${at}`;
        const error = problems[`group.${index}.condition.${at}`]?.join(' ');
        return (
          <div key={at} className="form__grid">
            <SelectField
              name={`${prefix}-kind`}
              label={t('waitingList.rules.conditionKind', { number: at + 1 })}
              value={condition.kind}
              error={error}
              onChange={(event) => setCondition(at, NEW_CONDITION[event.target.value as ConditionDraft['kind']])}
              options={(['age', 'occupation', 'answer', 'always'] as const).map((kind) => ({ value: kind, label: t(`waitingList.rules.kind.${kind}`) }))}
            />
            {condition.kind === 'age' ? (
              <>
                <TextField
                  name={`${prefix}-min`}
                  type="number"
                  min={0}
                  label={t('waitingList.rules.minAge')}
                  value={condition.min}
                  onChange={(event) => setCondition(at, { ...condition, min: event.target.value })}
                />
                <TextField
                  name={`${prefix}-max`}
                  type="number"
                  min={0}
                  label={t('waitingList.rules.maxAge')}
                  value={condition.max}
                  onChange={(event) => setCondition(at, { ...condition, max: event.target.value })}
                />
              </>
            ) : null}
            {condition.kind === 'occupation' ? (
              <TextField
                name={`${prefix}-occupations`}
                label={t('waitingList.rules.occupations')}
                hint={t('waitingList.rules.occupationsHint')}
                value={condition.occupations}
                onChange={(event) => setCondition(at, { ...condition, occupations: event.target.value })}
              />
            ) : null}
            {condition.kind === 'answer' ? (
              <>
                <TextField
                  name={`${prefix}-question`}
                  label={t('waitingList.rules.question')}
                  value={condition.question}
                  onChange={(event) => setCondition(at, { ...condition, question: event.target.value })}
                />
                <SelectField
                  name={`${prefix}-answer-type`}
                  label={t('waitingList.rules.answerIs')}
                  value={condition.answerType}
                  onChange={(event) => setCondition(at, { ...condition, answerType: event.target.value as 'yes' | 'no' | 'text' | 'number' })}
                  options={(['yes', 'no', 'text', 'number'] as const).map((type) => ({ value: type, label: t(`waitingList.rules.answer.${type}`) }))}
                />
                {condition.answerType === 'text' || condition.answerType === 'number' ? (
                  <TextField
                    name={`${prefix}-value`}
                    label={t('waitingList.rules.answerValue')}
                    value={condition.value}
                    onChange={(event) => setCondition(at, { ...condition, value: event.target.value })}
                  />
                ) : null}
              </>
            ) : null}
            <button type="button" className="button button--secondary" onClick={() => onChange({ conditions: group.conditions.filter((_, i) => i !== at) })}>
              {t('waitingList.rules.removeCondition', { number: at + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" className="button button--secondary" onClick={() => onChange({ conditions: [...group.conditions, NEW_CONDITION.age] })}>
        {t('waitingList.rules.addCondition')}
      </button>
    </>
  );
}
