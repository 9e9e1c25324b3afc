import { RegistrationRequest } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { ApiProblemError } from '../shared/api/api-error';
import { contractFieldErrors, problemText } from '../shared/api/contract-form';
import type { FieldErrors } from '../shared/api/field-errors';
import { describeError } from '../shared/api/error-message';
import { useCaptcha } from '../captcha/use-captcha';
import { Link } from '../shared/routing/router';
import { QueryState } from '../shared/query-state';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { StatusMessage } from '../shared/ui/status-message';
import { TextField } from '../shared/ui/text-field';
import { useFormFailure } from '../shared/ui/use-form-failure';
import { CheckboxGroup } from './checkbox-group';
import { usePublicCatalogue } from './use-public-catalogue';
import { StandbyOptInForm } from './standby-opt-in-form';
import { registerOnWaitingList } from './waiting-list-api';

const PERSON_FIELDS = ['givenName', 'familyName', 'email', 'birthDate', 'phone'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];
// The person types their own details here, so the browser may fill them in.
const INPUTS: Record<PersonField, { type: string; autoComplete: string }> = {
  givenName: { type: 'text', autoComplete: 'given-name' },
  familyName: { type: 'text', autoComplete: 'family-name' },
  email: { type: 'email', autoComplete: 'email' },
  birthDate: { type: 'date', autoComplete: 'bday' },
  phone: { type: 'tel', autoComplete: 'tel' },
};
const OCCUPATIONS = ['medical-staff', 'shift-work'] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The waiting list's public form: answered at once with a tracking code, slots come later. */
export function RegistrationPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('waitingList.register.title'));
  const api = useApiClient();
  const catalogue = usePublicCatalogue();
  const captcha = useCaptcha(true);
  const [person, setPerson] = useState<Record<PersonField, string>>({ givenName: '', familyName: '', email: '', birthDate: '', phone: '' });
  // The booking page links here with the vaccine the person had chosen (`?vaccine=<product id>`).
  const [productId, setProductId] = useState(() => new URLSearchParams(window.location.search).get('vaccine') ?? '');
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [occupations, setOccupations] = useState<string[]>([]);
  const [chronic, setChronic] = useState(false);
  const failure = useFormFailure<PersonField>([]);
  const { fieldErrors, general: errors, formRef, alertRef } = failure;
  const [submitting, setSubmitting] = useState(false);
  const [accepted, setAccepted] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { phone, ...required } = person;
    const request: RegistrationRequest = {
      person: { ...required, ...(phone.trim() ? { phone } : {}) },
      ...(productId ? { productId } : {}),
      preferredSiteIds: siteIds,
      preferredWeekdays: weekdays,
      occupations,
      answers: { 'chronic-condition': chronic },
      captcha: 'not solved yet',
      locale: i18n.language === 'de' ? 'de' : 'en',
    };
    // The API's own contract, checked here first: the same rules, the messages in the reader's language.
    const local = contractFieldErrors(RegistrationRequest, request, PERSON_FIELDS, 'person.', t);
    if (Object.keys(local).length > 0) {
      failure.fail(local, [t('validation.summary')]);
      return;
    }
    setSubmitting(true);
    failure.clear();
    try {
      const answer = await registerOnWaitingList(api, { ...request, captcha: await captcha.solution() });
      setAccepted(answer.trackingCode);
    } catch (error) {
      // The API checks again; its field problems go under the inputs they name, the rest to the alert.
      const byField: FieldErrors<PersonField> = {};
      const other: string[] = [];
      for (const problem of error instanceof ApiProblemError ? error.fieldProblems : []) {
        const name = problem.field.replace(/^person\./, '');
        const text = problemText(problem, t);
        if ((PERSON_FIELDS as readonly string[]).includes(name)) byField[name as PersonField] = text;
        else other.push(`${fieldLabel(problem.field, t)}: ${text}`);
      }
      failure.fail(byField, Object.keys(byField).length > 0 ? [t('validation.summary'), ...other] : other.length > 0 ? other : [describeError(error, t)]);
      captcha.renew();
    } finally {
      setSubmitting(false);
    }
  };

  if (accepted) {
    return (
      <section className="page" aria-labelledby="registered-title">
        <h1 id="registered-title">{t('waitingList.register.doneTitle')}</h1>
        <StatusMessage tone="success">{t('waitingList.register.done')}</StatusMessage>
        <p className="lead">
          {t('waitingList.register.trackingCode')} <strong data-testid="tracking-code">{accepted}</strong>
        </p>
        <Link className="button button--primary" to={`/registration/status#${accepted}`}>
          {t('waitingList.register.toStatus')}
        </Link>
        {/* Standby right away, while the code and birth date that prove the registration are at hand. */}
        <StandbyOptInForm source={{ trackingCode: accepted, birthDate: person.birthDate }} />
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="register-title">
      <h1 id="register-title">{t('waitingList.register.title')}</h1>
      <p className="lead">{t('waitingList.register.intro')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert ref={alertRef} messages={errors} />
        <div className="form__grid">
          {PERSON_FIELDS.map((field) => (
            <TextField
              key={field}
              name={field}
              type={INPUTS[field].type}
              autoComplete={INPUTS[field].autoComplete}
              label={t(`person.${field}`)}
              optionalLabel={field === 'phone' ? t('common.optional') : undefined}
              value={person[field]}
              error={fieldErrors[field]}
              onChange={(event) => setPerson((current) => ({ ...current, [field]: event.target.value }))}
            />
          ))}
        </div>
        <QueryState resource={catalogue.resource} retry={catalogue.refresh}>
          {(loaded) => (
            <>
              <SelectField
                name="productId"
                label={t('waitingList.register.vaccine')}
                value={productId}
                onChange={(event) => setProductId(event.target.value)}
                options={[{ value: '', label: t('waitingList.register.anyVaccine') }, ...loaded.products.map((product) => ({ value: product.id, label: product.name }))]}
              />
              <CheckboxGroup
                legend={t('waitingList.register.sites')}
                options={loaded.sites.map((site) => ({ value: site.id, label: site.name }))}
                selected={siteIds}
                onChange={setSiteIds}
              />
            </>
          )}
        </QueryState>
        <CheckboxGroup
          legend={t('waitingList.register.weekdays')}
          options={WEEKDAYS.map((day) => ({ value: day, label: t(`waitingList.weekdays.${day}`) }))}
          selected={weekdays}
          onChange={setWeekdays}
        />
        <CheckboxGroup
          legend={t('waitingList.register.occupations')}
          options={OCCUPATIONS.map((occupation) => ({ value: occupation, label: t(`waitingList.occupations.${occupation}`) }))}
          selected={occupations}
          onChange={setOccupations}
        />
        <label className="checkbox">
          <input type="checkbox" checked={chronic} onChange={(event) => setChronic(event.target.checked)} />
          <span>{t('waitingList.register.chronicCondition')}</span>
        </label>
        <p className="field__hint">{t('waitingList.register.privacy')}</p>
        <button type="submit" className="button button--primary button--block" disabled={submitting}>
          {submitting ? t('common.saving') : t('waitingList.register.submit')}
        </button>
      </form>
    </section>
  );
}

function fieldLabel(field: string, t: (key: string, options?: { defaultValue: string }) => string): string {
  const name = field.replace(/^person\./, '');
  return t(`person.${name}`, { defaultValue: name });
}
