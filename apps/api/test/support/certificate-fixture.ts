import type { DccTrustList, Person } from '@vaccinate/api-contracts';
import type { CertificateMailRequest } from '@vaccinate/mail-contracts';
import type { JSONWebKeySet } from 'jose';
import { outboxFields } from '../../src/database/encrypted-fields';
import { Sql } from '../../src/database/sql';
import { RecordEvents } from '../../src/modules/record-events/record-events';
import type { Catalogue } from './booking-fixture';
import { postJson, type RunningApi } from './tenant-fixture';

type CertificateMail = Omit<CertificateMailRequest, 'tenant'>;

export const HOLDER = { givenName: 'Zoë Amélie', familyName: 'Großmann-Ñúñez', birthDate: '1984-02-29' };

export async function createHolder(api: RunningApi, token: string, overrides: Partial<typeof HOLDER> = {}): Promise<Person> {
  const unique = Math.random().toString(36).slice(2, 10);
  return postJson<Person>(api, '/api/people', { ...HOLDER, ...overrides, email: `holder.${unique}@acme.example` }, token);
}

/**
 * The record side of a documentation (or correction) in one transaction: a `vaccination` row and
 * the record event. Lets a test place doses at chosen dates, which the day's endpoints (doses
 * given now) cannot.
 */
export async function documentVaccination(
  api: RunningApi,
  catalogue: Catalogue,
  input: {
    personId: string;
    doseNumber: number;
    administeredAt: string;
    product?: 'comirnaty' | 'jcovden';
    supersedesId?: string;
    /** The subject who vaccinated: a staff account id, or an identity provider's subject. */
    vaccinator?: string;
  },
): Promise<string> {
  const product = input.product ?? 'comirnaty';
  const productRow = catalogue[product];
  const lot = product === 'comirnaty' ? catalogue.comirnatyLot : catalogue.jcovdenLot;
  return api.app.get(Sql).transaction(async (client) => {
    if (input.supersedesId) await client.query(`UPDATE vaccination SET status = 'superseded' WHERE id = $1`, [input.supersedesId]);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO vaccination (person_id, product_id, lot_id, site_id, dose_number, series_doses, injection_site, route, vaccinator, documented_by, administered_at, supersedes_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'left_deltoid', 'intramuscular', $9, 'staff-1', $7, $8) RETURNING id`,
      [
        input.personId,
        productRow.id,
        lot.id,
        catalogue.site.id,
        input.doseNumber,
        productRow.primaryDoses,
        input.administeredAt,
        input.supersedesId ?? null,
        input.vaccinator ?? 'staff-1',
      ],
    );
    const id = rows[0]!.id;
    const events = api.app.get(RecordEvents);
    if (input.supersedesId) await events.vaccinationCorrected(client, input.supersedesId, id);
    else await events.vaccinationDocumented(client, id);
    return id;
  });
}

/** The queued certificate mails, oldest first, decrypted as the outbox worker would. */
export async function certificateMails(api: RunningApi): Promise<CertificateMail[]> {
  const { rows } = await api.app
    .get(Sql)
    .query<{ payload_encrypted: string }>(`SELECT payload_encrypted FROM outbox_message WHERE kind = 'mail:certificate-issued' ORDER BY id`);
  return rows.map((row) => JSON.parse(outboxFields.payload.decrypt(api.config.fieldKeys, row.payload_encrypted)) as CertificateMail);
}

/** The token behind a certificate mail's short link, exchanged as the certificate page does. */
export async function tokenOf(api: RunningApi, mail: CertificateMail): Promise<string> {
  const reference = /^#ref=([A-Za-z0-9_-]{22})$/.exec(new URL(mail.data.certificateUrl).hash)?.[1];
  if (!reference) throw new Error('the certificate mail carries no short reference');
  const response = await api.request('/api/certificates/links', { body: { reference } });
  if (response.status !== 200) throw new Error(`the reference exchange answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export async function jwksOf(api: RunningApi): Promise<JSONWebKeySet> {
  return (await (await api.request('/.well-known/jwks.json')).json()) as JSONWebKeySet;
}

export async function trustListOf(api: RunningApi): Promise<DccTrustList> {
  return (await (await api.request('/api/certificates/trust-list')).json()) as DccTrustList;
}

/** The current Document Signer Certificate from the trust list, base64 DER. */
export async function signerCertificateOf(api: RunningApi): Promise<string> {
  const signer = (await trustListOf(api)).certificates.find((entry) => entry.certificateType === 'DSC');
  if (!signer) throw new Error('the trust list has no DSC');
  return signer.rawData;
}

/** The certificate table's rows for a dose, read directly: what is stored, and nothing more. */
export async function certificateRowsOf(api: RunningApi, vaccinationId: string): Promise<{ certificate_id: string; revoked_at: Date | null }[]> {
  const { rows } = await api.app
    .get(Sql)
    .query<{ certificate_id: string; revoked_at: Date | null }>('SELECT certificate_id, revoked_at FROM certificate WHERE vaccination_id = $1 ORDER BY issued_at', [
      vaccinationId,
    ]);
  return rows;
}
