import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { ApiProblemError } from '../shared/api/api-error';
import { problemText } from '../shared/api/contract-form';
import type { FieldErrors } from '../shared/api/field-errors';
import { describeError } from '../shared/api/error-message';
import { useCaptcha } from '../captcha/use-captcha';
import { QueryState } from '../shared/query-state';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { TextField } from '../shared/ui/text-field';
import { useFormFailure } from '../shared/ui/use-form-failure';
import { CheckboxGroup } from './checkbox-group';
import { usePublicCatalogue } from './use-public-catalogue';
import { joinStandby, leaveStandby, type StandbySource } from './waiting-list-api';

type StandbyField = 'windowFrom' | 'windowTo' | 'quietFrom' | 'quietTo' | 'phone';

/** The input a problem of the API names (`timeWindows.0.from` is the "from" of the one window this form sends). */
function inputOf(field: string): StandbyField | null {
  if (/^timeWindows\.\d+\.from$/.test(field)) return 'windowFrom';
  if (/^timeWindows\.\d+\.to$/.test(field)) return 'windowTo';
  return field === 'quietFrom' || field === 'quietTo' || field === 'phone' ? field : null;
}

/** Opting in to be offered spare doses: where, when one can come, and when never to be disturbed. */
export function StandbyOptInForm({ source }: { source: StandbySource }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const catalogue = usePublicCatalogue();
  const captcha = useCaptcha(true);
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [window, setWindow] = useState({ from: '', to: '' });
  const [quiet, setQuiet] = useState({ from: '21:00', to: '08:00' });
  const [phone, setPhone] = useState('');
  const failure = useFormFailure<StandbyField>([]);
  const { fieldErrors, general: errors, formRef, alertRef } = failure;
  const [outcome, setOutcome] = useState<'joined' | 'left' | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    failure.clear();
    try {
      await joinStandby(api, {
        ...source,
        siteIds,
        timeWindows: window.from && window.to ? [window] : [],
        ...(quiet.from && quiet.to ? { quietFrom: quiet.from, quietTo: quiet.to } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        captcha: await captcha.solution(),
      });
      setOutcome('joined');
    } catch (error) {
      // Each problem under the input it names, in the reader's language; never the API's own sentence.
      const byField: FieldErrors<StandbyField> = {};
      for (const problem of error instanceof ApiProblemError ? error.fieldProblems : []) {
        const input = inputOf(problem.field);
        if (input) byField[input] = problemText(problem, t);
      }
      failure.fail(byField, [Object.keys(byField).length > 0 ? t('validation.summary') : describeError(error, t)]);
      captcha.renew();
    }
  };

  const leave = async () => {
    failure.clear();
    try {
      await leaveStandby(api, source);
      setOutcome('left');
    } catch (error) {
      failure.fail({}, [describeError(error, t)]);
    }
  };

  if (outcome) return <StatusMessage tone="success">{t(`waitingList.standby.${outcome}`)}</StatusMessage>;
  return (
    <form ref={formRef} className="form card" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="standby-title">
      <h2 id="standby-title">{t('waitingList.standby.title')}</h2>
      <p>{t('waitingList.standby.intro')}</p>
      <FormAlert ref={alertRef} messages={errors} />
      <QueryState resource={catalogue.resource} retry={catalogue.refresh}>
        {(loaded) => (
          <CheckboxGroup
            legend={t('waitingList.standby.sites')}
            options={loaded.sites.map((site) => ({ value: site.id, label: site.name }))}
            selected={siteIds}
            onChange={setSiteIds}
          />
        )}
      </QueryState>
      <div className="form__grid">
        <TextField
          name="windowFrom"
          error={fieldErrors.windowFrom}
          type="time"
          label={t('waitingList.standby.windowFrom')}
          optionalLabel={t('common.optional')}
          value={window.from}
          onChange={(event) => setWindow({ ...window, from: event.target.value })}
        />
        <TextField
          name="windowTo"
          error={fieldErrors.windowTo}
          type="time"
          label={t('waitingList.standby.windowTo')}
          optionalLabel={t('common.optional')}
          value={window.to}
          onChange={(event) => setWindow({ ...window, to: event.target.value })}
        />
        <TextField
          name="quietFrom"
          error={fieldErrors.quietFrom}
          type="time"
          label={t('waitingList.standby.quietFrom')}
          value={quiet.from}
          onChange={(event) => setQuiet({ ...quiet, from: event.target.value })}
        />
        <TextField
          name="quietTo"
          error={fieldErrors.quietTo}
          type="time"
          label={t('waitingList.standby.quietTo')}
          value={quiet.to}
          onChange={(event) => setQuiet({ ...quiet, to: event.target.value })}
        />
        <TextField
          name="phone"
          error={fieldErrors.phone}
          type="tel"
          autoComplete="tel"
          label={t('waitingList.standby.phone')}
          optionalLabel={t('common.optional')}
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('waitingList.standby.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => void leave()}>
          {t('waitingList.standby.leave')}
        </button>
      </div>
    </form>
  );
}
