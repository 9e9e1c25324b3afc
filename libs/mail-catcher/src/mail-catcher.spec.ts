import { request } from 'node:http';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from './mail-catcher';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('mail catcher', () => {
  let catcher: MailCatcher;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  });
  afterAll(async () => {
    await catcher.stop();
  });
  beforeEach(() => catcher.clear());

  async function send(subject: string, extra: Record<string, unknown> = {}): Promise<void> {
    const transport = createTransport({ host: '127.0.0.1', port: catcher.smtpPort, secure: false });
    await transport.sendMail({
      from: '"Acme" <no-reply@acme.example>',
      to: '"Erika" <erika@acme.example>',
      subject,
      text: 'plain part',
      html: '<p>html part <img src="cid:qr@booking" alt="QR"></p><script>alert(1)</script>',
      attachments: [
        { filename: 'qr.png', content: PNG_1X1, contentType: 'image/png', cid: 'qr@booking' },
        { filename: 'booking.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar' },
      ],
      ...extra,
    });
    transport.close();
  }

  it('reports the real ports when asked for free ones', () => {
    expect(catcher.smtpPort).toBeGreaterThan(0);
    expect(catcher.httpPort).toBeGreaterThan(0);
    expect(catcher.url).toBe(`http://127.0.0.1:${catcher.httpPort}/`);
  });

  it('catches a mail over SMTP and lists it newest first over HTTP', async () => {
    await send('first');
    await send('second');
    const list = await getJson('/api/messages');
    expect(list.status).toBe(200);
    const body = list.json as { id: string; subject: string; to: string[]; attachments: unknown[] }[];
    expect(body.map((message) => message.subject)).toEqual(['second', 'first']);
    expect(body[0]?.to).toEqual(['erika@acme.example']);
    expect(body[0]?.attachments).toEqual([
      { filename: 'qr.png', contentType: 'image/png', size: PNG_1X1.length, contentId: 'qr@booking', inline: true },
      { filename: 'booking.ics', contentType: 'text/calendar', size: 32, inline: false },
    ]);
    expect(catcher.messages()).toHaveLength(2);
  });

  it('answers one mail with its html and text, and its attachments as downloads', async () => {
    await send('detail');
    const [message] = catcher.messages();
    const detail = await getJson(`/api/messages/${message?.id}`);
    expect(detail.json).toMatchObject({ subject: 'detail', text: 'plain part', envelope: { from: 'no-reply@acme.example' } });
    expect((detail.json as { html: string }).html).toContain('cid:qr@booking');

    const png = await get(`/api/messages/${message?.id}/attachments/0`);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.body.equals(PNG_1X1)).toBe(true);
    const ics = await get(`/api/messages/${message?.id}/attachments/1`);
    expect(ics.headers['content-type']).toBe('application/octet-stream');
    expect(ics.headers['content-disposition']).toContain('attachment; filename="booking.ics"');
    expect(ics.body.toString()).toContain('BEGIN:VCALENDAR');
    expect((await get(`/api/messages/${message?.id}/attachments/2`)).status).toBe(404);
    expect((await get('/api/messages/999')).status).toBe(404);
  });

  it('escapes what it renders and shows the mail HTML sandboxed without scripts', async () => {
    await send('<script>alert("x")</script> & more', { to: '"<b>bold</b>" <bold@acme.example>' });
    const page = await get('/');
    const html = page.body.toString();
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');

    const [message] = catcher.messages();
    const detail = (await get(`/messages/${message?.id}`)).body.toString();
    expect(detail).not.toContain('<script>');
    expect(detail).toContain(`<iframe sandbox="" referrerpolicy="no-referrer" title="HTML part of the mail" src="/messages/${message?.id}/html">`);
    expect(detail).toContain(`href="/api/messages/${message?.id}/attachments/1" download="booking.ics"`);

    const framed = await get(`/messages/${message?.id}/html`);
    expect(framed.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    // The inline image points at its attachment so it shows in the viewer.
    expect(framed.body.toString()).toContain(`src="/api/messages/${message?.id}/attachments/0"`);
  });

  it('forgets everything on DELETE', async () => {
    await send('to forget');
    expect((await get('/api/messages', 'DELETE')).status).toBe(204);
    expect((await getJson('/api/messages')).json).toEqual([]);
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    expect((await get('/api/messages', 'GET', 'evil.example:80')).status).toBe(421);
    expect((await get('/', 'GET', `acme.localhost:${catcher.httpPort}`)).status).toBe(200);
  });

  it('waits for a mail that has not arrived yet', async () => {
    const waiting = catcher.waitForMessage((message) => message.subject === 'later', 5_000);
    await send('later');
    await expect(waiting).resolves.toMatchObject({ subject: 'later' });
    await expect(catcher.waitForMessage(() => false, 50)).rejects.toThrow(/No matching mail/);
  });

  it('keeps only the last N mails', async () => {
    const small = await startMailCatcher({ smtpPort: 0, httpPort: 0, capacity: 2 });
    try {
      const transport = createTransport({ host: '127.0.0.1', port: small.smtpPort, secure: false });
      for (const subject of ['a', 'b', 'c']) await transport.sendMail({ from: 'a@x.example', to: 'b@x.example', subject, text: subject });
      transport.close();
      expect(small.messages().map((message) => message.subject)).toEqual(['c', 'b']);
    } finally {
      await small.stop();
    }
  });

  it('refuses to listen beyond loopback', async () => {
    await expect(startMailCatcher({ smtpPort: 0, httpPort: 0, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  function get(path: string, method = 'GET', host?: string) {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port: catcher.httpPort, path, method, headers: host ? { host } : {} }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  async function getJson(path: string): Promise<{ status: number; json: unknown }> {
    const response = await get(path);
    return { status: response.status, json: JSON.parse(response.body.toString()) };
  }
});
