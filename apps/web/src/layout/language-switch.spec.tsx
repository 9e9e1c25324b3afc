import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LandingPage } from '../landing/landing-page';
import { LOCALE_STORAGE_KEY } from '../i18n/locale-resolver';
import { createFetchMock } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { AppHeader } from './app-header';

describe('LanguageSwitch in the header', () => {
  it('switches every text, the html lang and remembers the choice', async () => {
    const { i18n } = renderWithTenant(
      <>
        <AppHeader />
        <LandingPage />
      </>,
      { fetch: createFetchMock({}).fetch },
    );
    const english = screen.getByRole('button', { name: /^EN/ });
    const german = screen.getByRole('button', { name: /^DE/ });
    expect(english.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Book your vaccination');

    await userEvent.click(german);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Impftermin buchen');
    expect(german.getAttribute('aria-pressed')).toBe('true');
    expect(english.getAttribute('aria-pressed')).toBe('false');
    expect(document.documentElement.lang).toBe('de');
    expect(i18n.language).toBe('de');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('de');
    expect(screen.getByRole('group', { name: 'Sprache' })).toBeTruthy();
  });
});
