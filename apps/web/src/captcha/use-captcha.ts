import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../shared/api/api-context';
import { encodeSolution, isAltchaChallenge } from './altcha';
import { solveInBackground } from './solve-in-background';

export type CaptchaStatus = 'idle' | 'solving' | 'ready' | 'failed';

interface Attempt {
  solution: Promise<string>;
  controller: AbortController;
  failed: boolean;
}

/**
 * Fetches a proof-of-work challenge and solves it in the background as soon as `active`, so the
 * person never waits for it (or waits a moment at most when they submit very fast).
 */
export function useCaptcha(active: boolean) {
  const api = useApiClient();
  const [status, setStatus] = useState<CaptchaStatus>('idle');
  const current = useRef<Attempt | null>(null);

  const start = useCallback((): Attempt => {
    current.current?.controller.abort();
    const controller = new AbortController();
    const { signal } = controller;
    const attempt: Attempt = {
      controller,
      failed: false,
      solution: (async () => {
        const challenge = await api.get<unknown>('/captcha/challenge', { signal });
        if (!isAltchaChallenge(challenge)) throw new Error('The captcha challenge is malformed');
        const number = await solveInBackground(challenge, signal);
        if (number === null) throw new Error('The captcha challenge has no solution');
        return encodeSolution(challenge, number);
      })(),
    };
    attempt.solution.then(
      () => {
        if (!signal.aborted) setStatus('ready');
      },
      () => {
        attempt.failed = true;
        if (!signal.aborted) setStatus('failed');
      },
    );
    current.current = attempt;
    setStatus('solving');
    return attempt;
  }, [api]);

  useEffect(() => {
    if (!active) return;
    start();
    return () => current.current?.controller.abort();
  }, [active, start]);

  /** The solution for the next booking request; a failed attempt is started over. */
  const solution = useCallback((): Promise<string> => {
    const attempt = current.current && !current.current.failed ? current.current : start();
    return attempt.solution;
  }, [start]);

  /** A solution is spent once the API has answered; a fresh one is prepared for the next try. */
  const renew = useCallback(() => void start(), [start]);

  return { status, solution, renew };
}
