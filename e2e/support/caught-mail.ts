/** Reads the local mail catcher (real SMTP) the way a person reads their inbox. */
export interface CaughtSummary {
  id: string;
  to: string[];
  subject: string;
  attachments: { filename: string; contentType: string }[];
}

/** Waits for the mails to `address` until `accept` takes one of them; the newest first. */
export async function mailTo(catcherUrl: string, address: string, accept: (mail: CaughtSummary) => boolean = () => true, timeoutMs = 30_000): Promise<CaughtSummary> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const messages = (await (await fetch(`${catcherUrl}api/messages`)).json()) as CaughtSummary[];
    const found = messages.find((message) => message.to.some((to) => to.includes(address)) && accept(message));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`no mail to ${address} arrived in the catcher`);
}

export async function mailBody(catcherUrl: string, mail: CaughtSummary): Promise<{ html: string; text: string }> {
  return (await (await fetch(`${catcherUrl}api/messages/${mail.id}`)).json()) as { html: string; text: string };
}

export async function mailAttachment(catcherUrl: string, mail: CaughtSummary, filename: string): Promise<string> {
  const index = mail.attachments.findIndex((attachment) => attachment.filename === filename);
  if (index < 0) throw new Error(`the mail has no ${filename}`);
  return (await fetch(`${catcherUrl}api/messages/${mail.id}/attachments/${index}`)).text();
}
