import { isAltchaChallenge, solveChallenge } from './altcha';

/** Messages the worker answers; the page runs nothing heavy on its main thread. */
export type CaptchaWorkerAnswer = { number: number | null } | { error: string };

self.onmessage = (event: MessageEvent<unknown>) => {
  const challenge = event.data;
  if (!isAltchaChallenge(challenge)) {
    self.postMessage({ error: 'invalid challenge' } satisfies CaptchaWorkerAnswer);
    return;
  }
  solveChallenge(challenge).then(
    (number) => self.postMessage({ number } satisfies CaptchaWorkerAnswer),
    (error: unknown) => self.postMessage({ error: String(error) } satisfies CaptchaWorkerAnswer),
  );
};
