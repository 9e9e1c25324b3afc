import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { RequireStaff } from '../auth/require-staff';
import { NotFoundPage } from '../layout/not-found-page';
import { patterns, type RouteName } from '../shared/routing/routes';
import { LoadingIndicator } from '../shared/ui/status-message';
import { ROUTES, type AppRoute } from './route-table';

const NAMES = Object.keys(ROUTES) as RouteName[];

export function AppRoutes() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<LoadingIndicator label={t('common.loading')} />}>
      <Routes>
        {NAMES.map((name) => (
          <Route key={name} path={patterns[name]} element={<RoutePage route={ROUTES[name]} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

/** A page with its `:id`; a new id is a new page (`key`), so no state of the last one stays. */
function RoutePage({ route }: { route: AppRoute }) {
  const id = useParams()['id'] ?? '';
  if (route.staff === false) return <route.Page key={id} id={id} />;
  const { staff, Page } = route;
  return <RequireStaff {...(staff === true ? {} : { roles: staff })}>{(profile) => <Page key={id} id={id} staff={profile} />}</RequireStaff>;
}
