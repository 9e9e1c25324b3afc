import type { StaffProfile } from '@vaccinate/api-contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../shared/api/error-message';
import { Link } from '../shared/routing/router';
import { useHistoryState, useNavigate } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { usePageTitle } from '../tenant/tenant-context';
import { FormAlert } from '../shared/ui/form-alert';
import { LoadingIndicator } from '../shared/ui/status-message';
import { TextField } from '../shared/ui/text-field';
import { PEOPLE_PAGE_SIZE, searchOf } from './people-api';
import { PersonList } from './person-list';
import { usePeopleQuery, type PeopleLookup } from './use-people-query';

function initialOffset(state: Record<string, unknown> | null): number {
  const offset = state?.['peopleOffset'];
  return typeof offset === 'number' && offset >= 0 ? offset : 0;
}

export function PeoplePage({ staff }: { staff?: StaffProfile }) {
  const { t } = useTranslation();
  const isAdmin = staff?.roles.includes('admin') ?? false;
  usePageTitle(t('people.title'));
  const historyState = useHistoryState();
  const [query, setQuery] = useState<PeopleLookup>(() => ({ kind: 'list', offset: initialOffset(historyState) }));
  const [searchInput, setSearchInput] = useState('');
  const [searchError, setSearchError] = useState<string | undefined>();
  const { result, retry } = usePeopleQuery(query);
  const navigate = useNavigate();

  const goToOffset = (offset: number) => {
    setQuery({ kind: 'list', offset });
    // Kept in history state (not the URL) so Back from a person returns to this page of the list.
    void navigate(paths.people, { replace: true, state: { ...historyState, peopleOffset: offset } });
  };

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = searchInput.trim();
    if (text.length < 2) return setSearchError(t('people.searchTooShort'));
    setSearchError(undefined);
    setQuery({ kind: 'search', search: searchOf(text) });
  };

  const clearSearch = () => {
    setSearchInput('');
    setSearchError(undefined);
    goToOffset(0);
  };

  return (
    <section className="page" aria-labelledby="people-title">
      <div className="page__header">
        <h1 id="people-title">{t('people.title')}</h1>
        <div className="actions">
          {isAdmin ? (
            <Link className="button button--secondary" to={paths.roster}>
              {t('roster.title')}
            </Link>
          ) : null}
          <Link className="button button--primary" to={paths.personNew}>
            {t('people.create')}
          </Link>
        </div>
      </div>

      <form className="search" role="search" aria-label={t('people.searchRegion')} noValidate onSubmit={onSearch}>
        <TextField
          className="search__field"
          label={t('people.searchLabel')}
          hint={t('people.searchHint')}
          name="search-people"
          type="search"
          autoComplete="off"
          value={searchInput}
          onChange={(event) => setSearchInput(event.target.value)}
          error={searchError}
        />
        <div className="search__actions">
          <button type="submit" className="button button--secondary">
            {t('people.search')}
          </button>
          {query.kind === 'search' ? (
            <button type="button" className="button button--ghost" onClick={clearSearch}>
              {t('people.clearSearch')}
            </button>
          ) : null}
        </div>
      </form>

      {result.status === 'loading' ? <LoadingIndicator label={t('common.loading')} /> : null}
      {result.status === 'failed' ? (
        <FormAlert
          messages={[describeError(result.error, t)]}
          action={
            <button type="button" className="button button--secondary" onClick={retry}>
              {t('common.retry')}
            </button>
          }
        />
      ) : null}
      {result.status === 'loaded' ? (
        <>
          <p className="result-summary" role="status">
            {query.kind === 'search'
              ? t('people.searchResult', { count: result.page.items.length })
              : result.page.total === 0
                ? t('people.empty')
                : t('people.range', {
                    from: result.page.offset + 1,
                    to: result.page.offset + result.page.items.length,
                    total: result.page.total,
                  })}
          </p>
          <PersonList people={result.page.items} />
          {query.kind === 'list' && result.page.total > PEOPLE_PAGE_SIZE ? (
            <nav className="pagination" aria-label={t('people.pagination')}>
              <button
                type="button"
                className="button button--secondary"
                disabled={query.offset === 0}
                onClick={() => goToOffset(Math.max(0, query.offset - PEOPLE_PAGE_SIZE))}
              >
                {t('people.previous')}
              </button>
              <span className="pagination__page">
                {t('people.pageOf', {
                  page: Math.floor(query.offset / PEOPLE_PAGE_SIZE) + 1,
                  pages: Math.ceil(result.page.total / PEOPLE_PAGE_SIZE),
                })}
              </span>
              <button
                type="button"
                className="button button--secondary"
                disabled={query.offset + PEOPLE_PAGE_SIZE >= result.page.total}
                onClick={() => goToOffset(query.offset + PEOPLE_PAGE_SIZE)}
              >
                {t('people.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
