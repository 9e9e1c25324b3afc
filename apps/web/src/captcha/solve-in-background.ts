import { solveChallenge, type AltchaChallenge } from './altcha';
import type { CaptchaWorkerAnswer } from './captcha.worker';

function solveInWorker(challenge: AltchaChallenge, signal: AbortSignal): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./captcha.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<CaptchaWorkerAnswer>) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      if ('error' in event.data) reject(new Error(event.data.error));
      else resolve(event.data.number);
    };
    worker.onerror = (event) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(challenge);
  });
}

/** In a Web Worker where there is one; else (old browsers, tests) on the page in small async batches. */
export function solveInBackground(challenge: AltchaChallenge, signal: AbortSignal): Promise<number | null> {
  if (typeof Worker === 'undefined') return solveChallenge(challenge, { signal });
  return solveInWorker(challenge, signal);
}
