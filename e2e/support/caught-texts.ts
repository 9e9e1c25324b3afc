/** Reads the local SMS catcher (the providers' fakes) the way a person reads their phone. */
export interface CaughtTextSummary {
  provider: 'twilio' | 'vonage';
  /** E.164. */
  to: string;
  from: string;
  text: string;
  /** What the provider's fake reported back to the tenant's callback URL, and the HTTP status it was answered with. */
  delivery: { status: string; answer: number } | null;
}

/** Waits for a text to `e164` that `accept` takes; the newest first. */
export async function textTo(
  catcherUrl: string,
  e164: string,
  accept: (text: CaughtTextSummary) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<CaughtTextSummary> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const texts = (await (await fetch(`${catcherUrl}api/texts`)).json()) as CaughtTextSummary[];
    const found = texts.find((text) => text.to === e164 && accept(text));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('no matching text message arrived in the SMS catcher');
}
