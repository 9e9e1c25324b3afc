import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from './api/api-error';
import { describeError } from './api/error-message';
import type { RefreshingResource } from './api/use-api-query';
import { FormAlert } from './ui/form-alert';
import { LoadingIndicator } from './ui/status-message';

/** Loading, failure (with retry) or the loaded content of a staff page. */
export function QueryState<T>({
  resource,
  retry,
  notFound,
  children,
}: {
  resource: RefreshingResource<T>;
  retry: () => void;
  notFound?: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (resource.status === 'idle' || resource.status === 'loading') return <LoadingIndicator label={t('common.loading')} />;
  if (resource.status === 'failed') {
    if (notFound && resource.error instanceof ApiProblemError && resource.error.status === 404) {
      return <FormAlert messages={[notFound]} />;
    }
    return (
      <FormAlert
        messages={[describeError(resource.error, t)]}
        action={
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('common.retry')}
          </button>
        }
      />
    );
  }
  return <>{children(resource.data)}</>;
}
