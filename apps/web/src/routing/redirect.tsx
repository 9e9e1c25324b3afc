import { useEffect } from 'react';
import { navigate } from './router';

/** Replaces the current history entry once rendered. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
