import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetchMock, jsonResponse, problemResponse } from '../test/fetch-mock';
import { renderWithTenant } from '../test/render-with-tenant';
import { StandbyOfferPage } from './standby-offer-page';

function openOffer(answer: () => Response) {
  window.history.replaceState(null, '', '/standby/offer#offer-token-123');
  const mock = createFetchMock({ 'POST /api/standby/offers/confirm': answer });
  renderWithTenant(<StandbyOfferPage />, { fetch: mock.fetch });
  return mock;
}

describe('standby offer page', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('sends the token from the fragment in the body and confirms the dose', async () => {
    const mock = openOffer(() => jsonResponse({ status: 'confirmed', announcement: { availableUntil: '2026-12-01T16:00:00Z' } }));
    await userEvent.click(screen.getByRole('button', { name: 'Take the dose' }));
    expect(await screen.findByText(/The dose is yours/)).toBeTruthy();
    expect(mock.requests[0]?.body).toEqual({ token: 'offer-token-123' });
  });

  it('answers a late confirmer kindly when every dose is taken', async () => {
    openOffer(() => problemResponse({ status: 409, code: 'standby.already_taken' }));
    await userEvent.click(screen.getByRole('button', { name: 'Take the dose' }));
    expect(await screen.findByText(/Others were a little faster/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
