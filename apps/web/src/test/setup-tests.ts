import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { DEFAULT_PHONE_REGION } from '@vaccinate/tenant-directory';
import { applyPhoneRegion } from '../tenant/phone-region';

// Pages are lazy chunks: the first visit of one compiles it, which takes more than a second on a busy machine.
configure({ asyncUtilTimeout: 10_000 });

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  document.documentElement.removeAttribute('style');
  document.title = '';
  // A page's tenant sets it; files share a worker's modules, so the next file starts from the default again.
  applyPhoneRegion(DEFAULT_PHONE_REGION);
});
