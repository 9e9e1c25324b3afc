import type { PersonInput } from '@vaccinate/api-contracts';
import type { PeopleService } from '../modules/people/people.service';

/** A few fictitious employees, so a fresh demo tenant is not empty. Only for `npm start`. */
export function demoPeople(tenantSlug: string): PersonInput[] {
  const domain = `${tenantSlug}.example`;
  return [
    { givenName: 'Mia', familyName: 'Schneider', email: `mia.schneider@${domain}`, birthDate: '1988-04-17', employeeNumber: 'E-1001' },
    { givenName: 'Jonas', familyName: 'Weber', email: `jonas.weber@${domain}`, birthDate: '1975-09-02', employeeNumber: 'E-1002' },
    { givenName: 'Aylin', familyName: 'Demir', email: `aylin.demir@${domain}`, birthDate: '1993-01-28', phone: '+49 170 5550142' },
    { givenName: 'Lukas', familyName: 'Fischer', email: `lukas.fischer@${domain}`, birthDate: '1961-12-05', employeeNumber: 'E-1004' },
  ];
}

/** Adds the demo people unless the tenant already has anyone; returns how many were added. */
export async function seedDemoPeople(people: PeopleService, tenantSlug: string): Promise<number> {
  if ((await people.list(1, 0)).total > 0) return 0;
  const seed = demoPeople(tenantSlug);
  for (const person of seed) await people.create(person);
  return seed.length;
}
