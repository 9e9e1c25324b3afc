import type { SiteInput, StaffProfile } from '@vaccinate/api-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../shared/api/api-context';
import { CATALOGUE_EDITOR_ROLES, hasAnyRole } from '../shared/staff-roles';
import { Link } from '../shared/routing/router';
import { useNavigate } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { createSite, fetchSite, updateSite } from '../staff/catalogue-api';
import { changedFields } from '../staff/changed-fields';
import { QueryState } from '../shared/query-state';
import { staleVersionMessage } from '../shared/use-form-submit';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { StatusMessage } from '../shared/ui/status-message';
import { SiteForm } from './site-form';

export function SiteCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const api = useApiClient();
  usePageTitle(t('sites.createTitle'));
  return (
    <section className="page page--narrow" aria-labelledby="site-title">
      <Link className="back-link" to={paths.sites}>
        {t('sites.backToList')}
      </Link>
      <h1 id="site-title">{t('sites.createTitle')}</h1>
      <div className="card">
        <SiteForm
          submitLabel={t('sites.create')}
          onSubmit={async (input) => {
            await createSite(api, input);
            void navigate(paths.sites);
          }}
        />
      </div>
    </section>
  );
}

export function SiteEditPage({ id, staff }: { id: string; staff: StaffProfile }) {
  const { t } = useTranslation();
  const api = useApiClient();
  usePageTitle(t('sites.title'));
  const { resource, refresh } = useStaffQuery(`site:${id}`, (client, signal) => fetchSite(client, id, signal));
  const [saved, setSaved] = useState(false);
  const canEdit = hasAnyRole(staff.roles, CATALOGUE_EDITOR_ROLES);

  return (
    <section className="page page--narrow" aria-labelledby="site-title">
      <Link className="back-link" to={paths.sites}>
        {t('sites.backToList')}
      </Link>
      <QueryState resource={resource} retry={refresh} notFound={t('sites.notFound')}>
        {(site) => (
          <>
            <h1 id="site-title">{site.name}</h1>
            {saved ? <StatusMessage tone="success">{t('common.saved')}</StatusMessage> : null}
            <div className="card">
              {canEdit ? (
                <SiteForm
                  key={site.version}
                  initial={site}
                  submitLabel={t('common.save')}
                  describeProblem={(error) => staleVersionMessage(error, t('common.staleVersion'))}
                  onSubmit={async (input: SiteInput) => {
                    await updateSite(api, site.id, { ...changedFields(site, input), version: site.version });
                    setSaved(true);
                    refresh();
                  }}
                />
              ) : (
                <p>
                  {site.street}, {site.postalCode} {site.city} · {site.openingHours} · {t('sites.stations')}: {site.stations}
                </p>
              )}
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
