import type { LotInput } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import type { FieldErrors } from '../shared/api/field-errors';
import { Link } from '../shared/routing/router';
import { useNavigate } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { createLot, listVaccines } from '../staff/catalogue-api';
import { QueryState } from '../shared/query-state';
import { SelectField } from '../shared/ui/select-field';
import { useFormSubmit } from '../shared/use-form-submit';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { TextField } from '../shared/ui/text-field';

const FIELDS = ['productId', 'lotNumber', 'expiryDate', 'dosesReceived'] as const;
type LotField = (typeof FIELDS)[number];

export function LotCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const api = useApiClient();
  usePageTitle(t('lots.createTitle'));
  const products = useStaffQuery('vaccines', listVaccines);
  const [values, setValues] = useState<Record<LotField, string>>({ productId: '', lotNumber: '', expiryDate: '', dosesReceived: '' });
  const form = useFormSubmit(FIELDS);
  const set = (field: LotField, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local: FieldErrors<LotField> = {};
    for (const field of FIELDS) if (!values[field].trim()) local[field] = t('validation.required');
    const doses = Number(values.dosesReceived);
    if (!local.dosesReceived && (!Number.isInteger(doses) || doses < 1)) local.dosesReceived = t('validation.wholeNumberMin', { min: 1 });
    const input: LotInput = { productId: values.productId, lotNumber: values.lotNumber.trim(), expiryDate: values.expiryDate, dosesReceived: doses };
    void form.run(local, async () => {
      await createLot(api, input);
      void navigate(paths.lots);
    });
  };

  return (
    <section className="page page--narrow" aria-labelledby="lot-title">
      <Link className="back-link" to={paths.lots}>
        {t('lots.backToList')}
      </Link>
      <h1 id="lot-title">{t('lots.createTitle')}</h1>
      <div className="card">
        <QueryState resource={products.resource} retry={products.refresh}>
          {(vaccines) => (
            <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
              <FormAlert ref={form.alertRef} messages={form.general} />
              <SelectField
                label={t('lots.product')}
                name="productId"
                value={values.productId}
                onChange={(event) => set('productId', event.target.value)}
                error={form.fieldErrors.productId}
                placeholder={t('common.choose')}
                options={vaccines.map((product) => ({ value: product.id, label: product.name }))}
              />
              <TextField
                label={t('lots.lotNumber')}
                name="lotNumber"
                value={values.lotNumber}
                onChange={(event) => set('lotNumber', event.target.value)}
                error={form.fieldErrors.lotNumber}
                required
              />
              <TextField
                label={t('lots.expiryDate')}
                name="expiryDate"
                type="date"
                value={values.expiryDate}
                onChange={(event) => set('expiryDate', event.target.value)}
                error={form.fieldErrors.expiryDate}
                required
              />
              <TextField
                label={t('lots.received')}
                name="dosesReceived"
                type="number"
                min={1}
                inputMode="numeric"
                value={values.dosesReceived}
                onChange={(event) => set('dosesReceived', event.target.value)}
                error={form.fieldErrors.dosesReceived}
                required
              />
              <div className="actions">
                <button type="submit" className="button button--primary" disabled={form.submitting}>
                  {form.submitting ? t('common.saving') : t('lots.create')}
                </button>
              </div>
            </form>
          )}
        </QueryState>
      </div>
    </section>
  );
}
