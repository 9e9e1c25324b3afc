import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

/** Google's siteverify stand-in on loopback: the token "good" passes with a score of 0.9, anything else fails. */
async function startFakeSiteverify(): Promise<{ url: string; server: Server; seen: URLSearchParams[] }> {
  const seen: URLSearchParams[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      seen.push(form);
      const good = form.get('response') === 'good' && form.get('secret') === 'tenant-recaptcha-secret';
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: good, score: good ? 0.9 : 0.1 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/siteverify`, server, seen };
}

describe('reCAPTCHA for tenants that choose it', () => {
  let api: RunningApi;
  let siteverify: Awaited<ReturnType<typeof startFakeSiteverify>>;
  let catalogue: Catalogue;

  beforeAll(async () => {
    siteverify = await startFakeSiteverify();
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'recaptcha'), {
      CAPTCHA_PROVIDER: 'recaptcha',
      RECAPTCHA_SECRET: 'tenant-recaptcha-secret',
      RECAPTCHA_VERIFY_URL: siteverify.url,
    });
    catalogue = await createCatalogue(api, await staffToken(api, ['doctor']));
  });
  afterAll(async () => {
    await api?.close();
    siteverify?.server.close();
  });

  it('tells the page to use reCAPTCHA and books only with a token Google accepts', async () => {
    expect(await (await api.request('/api/captcha/challenge')).json()).toEqual({ provider: 'recaptcha' });
    const day = await createDay(api, await staffToken(api, ['doctor']), {
      siteId: catalogue.site.id,
      date: inDays(6),
      lots: [{ lotId: catalogue.jcovdenLot.id, doses: 5 }],
    });
    const request = { productId: catalogue.jcovden.id, doseKind: 'first' as const, slotId: day.slots[0]?.id ?? '' };
    const refused = await book(api, { ...request, person: person(), captcha: 'bad' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('captcha.invalid');
    expect((await book(api, { ...request, person: person(), captcha: 'good' })).status).toBe(201);
    expect(siteverify.seen.at(-1)?.get('remoteip')).toMatch(/^198\.51\./);
  });
});
