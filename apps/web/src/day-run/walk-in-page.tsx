import { IDENTITY_DOCUMENTS, type IdentityDocument, type VaccineProduct } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { Link } from '../shared/routing/router';
import { useNavigate } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { fetchDay, listVaccines } from '../staff/catalogue-api';
import { QueryState } from '../shared/query-state';
import { useFormSubmit } from '../shared/use-form-submit';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { SelectField } from '../shared/ui/select-field';
import { TextField } from '../shared/ui/text-field';
import { MAIL_LOCALE_NAMES, pageLocale, type MailLocale } from '../shared/mail-locale';
import { registerWalkIn } from './day-run-api';

const FIELDS = ['person.givenName', 'person.familyName', 'person.email', 'person.birthDate', 'productId', 'identityDocument', 'identityChecked'] as const;

export function WalkInPage({ dayId }: { dayId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('dayRun.walkIn.title'));
  const query = useStaffQuery(`walk-in:${dayId}`, async (api, signal) => {
    const [day, vaccines] = await Promise.all([fetchDay(api, dayId, signal), listVaccines(api, signal)]);
    return vaccines.filter((vaccine) => day.productIds.includes(vaccine.id));
  });
  return (
    <section className="page page--narrow" aria-labelledby="walk-in-title">
      <Link className="back-link" to={paths.dayBoard(dayId)}>
        {t('dayRun.visit.back')}
      </Link>
      <h1 id="walk-in-title">{t('dayRun.walkIn.title')}</h1>
      <p className="lead">{t('dayRun.walkIn.hint')}</p>
      <QueryState resource={query.resource} retry={query.refresh}>
        {(vaccines) => <WalkInForm dayId={dayId} vaccines={vaccines} />}
      </QueryState>
    </section>
  );
}

function WalkInForm({ dayId, vaccines }: { dayId: string; vaccines: VaccineProduct[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const api = useApiClient();
  const form = useFormSubmit(FIELDS);
  const [values, setValues] = useState({ givenName: '', familyName: '', email: '', birthDate: '', productId: vaccines.length === 1 ? (vaccines[0]?.id ?? '') : '' });
  const [document, setDocument] = useState<IdentityDocument | ''>('');
  const [checked, setChecked] = useState(false);
  const [locale, setLocale] = useState<MailLocale>(pageLocale(i18n.resolvedLanguage));
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!values.givenName.trim()) local['person.givenName'] = t('validation.required');
    if (!values.familyName.trim()) local['person.familyName'] = t('validation.required');
    if (!values.email.trim()) local['person.email'] = t('validation.required');
    if (!values.birthDate) local['person.birthDate'] = t('validation.required');
    if (!values.productId) local.productId = t('validation.required');
    if (!document) local.identityDocument = t('validation.required');
    if (!checked) local.identityChecked = t('dayRun.walkIn.identityRequired');
    void form.run(local, async () => {
      const entry = await registerWalkIn(api, dayId, {
        person: { givenName: values.givenName.trim(), familyName: values.familyName.trim(), email: values.email.trim(), birthDate: values.birthDate },
        productId: values.productId,
        identityDocument: document as IdentityDocument,
        identityChecked: true,
        locale,
      });
      if (entry.visitId) void navigate(paths.visit(entry.visitId));
    });
  };

  const errors = form.fieldErrors;
  return (
    <form ref={form.formRef} className="card form" onSubmit={submit} noValidate>
      <FormAlert ref={form.alertRef} messages={form.general} />
      <TextField
        label={t('dayRun.walkIn.givenName')}
        name="givenName"
        autoComplete="off"
        value={values.givenName}
        onChange={set('givenName')}
        error={errors['person.givenName']}
      />
      <TextField
        label={t('dayRun.walkIn.familyName')}
        name="familyName"
        autoComplete="off"
        value={values.familyName}
        onChange={set('familyName')}
        error={errors['person.familyName']}
      />
      <TextField
        label={t('dayRun.walkIn.email')}
        name="email"
        type="email"
        autoComplete="off"
        value={values.email}
        onChange={set('email')}
        error={errors['person.email']}
      />
      <TextField
        label={t('dayRun.walkIn.birthDate')}
        name="birthDate"
        type="date"
        value={values.birthDate}
        onChange={set('birthDate')}
        error={errors['person.birthDate']}
      />
      <SelectField
        label={t('dayRun.walkIn.vaccine')}
        name="productId"
        placeholder={t('common.choose')}
        value={values.productId}
        onChange={set('productId')}
        options={vaccines.map((vaccine) => ({ value: vaccine.id, label: vaccine.name }))}
        error={errors.productId}
      />
      <SelectField
        label={t('dayRun.walkIn.mailLanguage')}
        name="locale"
        value={locale}
        onChange={(event) => setLocale(pageLocale(event.target.value))}
        options={Object.entries(MAIL_LOCALE_NAMES).map(([value, label]) => ({ value, label }))}
      />
      <SelectField
        label={t('dayRun.checkIn.document')}
        name="identityDocument"
        placeholder={t('common.choose')}
        value={document}
        onChange={(event) => setDocument(event.target.value as IdentityDocument | '')}
        options={IDENTITY_DOCUMENTS.map((value) => ({ value, label: t(`dayRun.documents.${value}`) }))}
        error={errors.identityDocument}
      />
      <div className={errors.identityChecked ? 'field field--invalid' : 'field'}>
        <label className="checkbox">
          <input
            type="checkbox"
            name="identityChecked"
            checked={checked}
            aria-invalid={errors.identityChecked ? true : undefined}
            onChange={(event) => setChecked(event.target.checked)}
          />
          <span>{t('dayRun.checkIn.identityChecked')}</span>
        </label>
        {errors.identityChecked ? <p className="field__error">{errors.identityChecked}</p> : null}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.submitting}>
          {t('dayRun.walkIn.submit')}
        </button>
      </div>
    </form>
  );
}
