import type { StaffProfile } from '@vaccinate/api-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { CATALOGUE_EDITOR_ROLES, hasAnyRole } from '../shared/staff-roles';
import { Link } from '../shared/routing/router';
import { useNavigate } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { createVaccine, listVaccines, updateVaccine } from '../staff/catalogue-api';
import { changedFields } from '../staff/changed-fields';
import { QueryState } from '../shared/query-state';
import { staleVersionMessage } from '../shared/use-form-submit';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { StatusMessage } from '../shared/ui/status-message';
import { VaccineForm } from './vaccine-form';

export function VaccineCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const api = useApiClient();
  usePageTitle(t('vaccines.createTitle'));
  return (
    <section className="page" aria-labelledby="vaccine-title">
      <Link className="back-link" to={paths.vaccines}>
        {t('vaccines.backToList')}
      </Link>
      <h1 id="vaccine-title">{t('vaccines.createTitle')}</h1>
      <div className="card">
        <VaccineForm
          submitLabel={t('vaccines.create')}
          onSubmit={async (input) => {
            await createVaccine(api, input);
            void navigate(paths.vaccines);
          }}
        />
      </div>
    </section>
  );
}

/** The contract has no GET of one product: it is taken from the list. */
export function VaccineEditPage({ id, staff }: { id: string; staff: StaffProfile }) {
  const { t } = useTranslation();
  const api = useApiClient();
  usePageTitle(t('vaccines.title'));
  const { resource, refresh } = useStaffQuery('vaccines', listVaccines);
  const [saved, setSaved] = useState(false);

  return (
    <section className="page" aria-labelledby="vaccine-title">
      <Link className="back-link" to={paths.vaccines}>
        {t('vaccines.backToList')}
      </Link>
      <QueryState resource={resource} retry={refresh}>
        {(products) => {
          const product = products.find((candidate) => candidate.id === id);
          if (!product) return <FormAlert messages={[t('vaccines.notFound')]} />;
          const { id: _id, version, ...current } = product;
          return (
            <>
              <h1 id="vaccine-title">{product.name}</h1>
              {saved ? <StatusMessage tone="success">{t('common.saved')}</StatusMessage> : null}
              <div className="card">
                {hasAnyRole(staff.roles, CATALOGUE_EDITOR_ROLES) ? (
                  <VaccineForm
                    key={version}
                    initial={current}
                    submitLabel={t('common.save')}
                    describeProblem={(error) => staleVersionMessage(error, t('common.staleVersion'))}
                    onSubmit={async (input) => {
                      await updateVaccine(api, product.id, { ...changedFields(current, input), version });
                      setSaved(true);
                      refresh();
                    }}
                  />
                ) : (
                  <p>{t('vaccines.readOnly')}</p>
                )}
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
