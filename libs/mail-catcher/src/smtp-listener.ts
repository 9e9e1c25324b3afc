import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { CaughtAttachment, CaughtMessage } from './caught-message';
import type { CaughtStore } from './caught-store';

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server, so the mailer is exercised through the same transport as in production.
 * Plain text on loopback: no STARTTLS, any AUTH accepted (a client configured with a user still works).
 */
export async function startSmtpListener(store: CaughtStore<CaughtMessage>, host: string, port: number): Promise<SmtpListener> {
  const server = new SMTPServer({
    banner: 'vaccinate mail catcher',
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'catcher' });
    },
    onData(stream, session, callback) {
      simpleParser(stream, { keepCidLinks: true })
        .then((parsed) => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
            return;
          }
          const message = toCaughtMessage(parsed, session.envelope.mailFrom, session.envelope.rcptTo);
          store.add((id) => ({ id, ...message }));
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error('Could not parse the message')));
    },
  });
  // A broken client connection must not take the catcher down.
  server.on('error', () => undefined);
  server.listen(port, host);
  await Promise.race([once(server.server, 'listening'), once(server.server, 'error').then(([error]) => Promise.reject(error as Error))]);
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function toCaughtMessage(parsed: ParsedMail, mailFrom: SMTPServerAddress | false, rcptTo: SMTPServerAddress[]): Omit<CaughtMessage, 'id'> {
  const envelopeTo = rcptTo.map((recipient) => recipient.address);
  const headerTo = addresses(parsed.to);
  return {
    receivedAt: new Date().toISOString(),
    from: parsed.from?.text ?? (mailFrom ? mailFrom.address : ''),
    to: headerTo.length > 0 ? headerTo : envelopeTo,
    envelope: { from: mailFrom ? mailFrom.address : '', to: envelopeTo },
    subject: parsed.subject ?? '',
    ...(parsed.messageId === undefined ? {} : { messageId: parsed.messageId }),
    ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
    ...(parsed.text === undefined ? {} : { text: parsed.text }),
    attachments: parsed.attachments.map((attachment, index): CaughtAttachment => ({
      filename: attachment.filename ?? `attachment-${index + 1}`,
      contentType: attachment.contentType,
      size: attachment.size,
      ...(attachment.cid === undefined ? {} : { contentId: attachment.cid }),
      inline: attachment.contentDisposition === 'inline' || attachment.related === true,
      content: attachment.content,
    })),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (field === undefined) return [];
  return (Array.isArray(field) ? field : [field])
    .flatMap((group) => group.value)
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .map((entry) => entry.address)
    .filter((address): address is string => typeof address === 'string' && address.length > 0);
}
