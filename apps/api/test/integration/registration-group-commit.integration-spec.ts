import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RegistrationMailRequest } from '@vaccinate/mail-contracts';
import { outboxFields } from '../../src/database/encrypted-fields';
import { RegistrationRepository } from '../../src/modules/registration/registration.repository';
import { person } from '../support/booking-fixture';
import { provisionTestTenant, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { rowsOf } from '../support/waiting-list-fixture';

describe('the intake group commit', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'group'));
  });
  afterAll(() => api?.close());

  const registration = (email: string, trackingCode: string) => ({
    trackingCode,
    ...person({ email }),
    phone: null,
    profile: { occupations: [], answers: {}, locale: 'en' as const },
    productId: null,
    preferredSiteIds: [],
    preferredWeekdays: [],
    priority: { rank: 3 },
    mail: (code: string) => ({
      template: 'registration-received' as const,
      locale: 'en' as const,
      to: { email, name: 'Erika Mustermann' },
      data: { trackingCode: code, statusUrl: `https://group.example/registration/status#${code}` },
    }),
  });

  it('writes registrations arriving together in one batch, and the same person twice in a batch once, with a receipt for each, the repeats with the earlier code', async () => {
    const repository = api.app.get(RegistrationRepository);
    const answers = await Promise.all([
      repository.insertOrFind(registration('twice@group.example', 'RAAA-0001-AA')),
      repository.insertOrFind(registration('TWICE@group.example', 'RAAA-0002-AA')),
      ...Array.from({ length: 50 }, (_, i) => repository.insertOrFind(registration(`p${i}@group.example`, `RBBB-${String(i).padStart(4, '0')}-BB`))),
    ]);
    expect(answers[0]).toEqual({ trackingCode: 'RAAA-0001-AA', created: true });
    expect(answers[1]).toEqual({ trackingCode: 'RAAA-0001-AA', created: false });
    expect(answers.filter((answer) => answer.created)).toHaveLength(51);
    expect(await rowsOf(api.tenant.databaseUrl, 'SELECT id FROM registration')).toHaveLength(51);

    const later = await repository.insertOrFind(registration('twice@group.example', 'RAAA-0003-AA'));
    expect(later).toEqual({ trackingCode: 'RAAA-0001-AA', created: false });
    // One receipt per row written, committed with it; each repeat gets the receipt again, with the code it was answered.
    expect(await rowsOf(api.tenant.databaseUrl, `SELECT id FROM outbox_message WHERE kind = 'mail:registration-received'`)).toHaveLength(53);
    expect(await rowsOf(api.tenant.databaseUrl, `SELECT id FROM pgboss.job WHERE name = 'mail-delivery'`)).toHaveLength(53);
    const receipts = (
      await rowsOf<{ payload_encrypted: string }>(api.tenant.databaseUrl, `SELECT payload_encrypted FROM outbox_message WHERE kind = 'mail:registration-received'`)
    ).map((row) => JSON.parse(outboxFields.payload.decrypt(api.config.fieldKeys, row.payload_encrypted)) as RegistrationMailRequest);
    const twice = receipts.filter((mail) => mail.to.email.toLowerCase() === 'twice@group.example');
    expect(twice.map((mail) => mail.data.trackingCode)).toEqual(['RAAA-0001-AA', 'RAAA-0001-AA', 'RAAA-0001-AA']);
  });
});
