import { useTranslation } from 'react-i18next';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle } from '../tenant/tenant-context';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <section className="page page--narrow" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link className="button button--secondary" to={paths.landing}>
        {t('notFound.home')}
      </Link>
    </section>
  );
}
