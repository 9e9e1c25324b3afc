import { countryCallingCodeOf } from '@vaccinate/api-contracts';
import { DEFAULT_PHONE_REGION } from '@vaccinate/tenant-directory';

/**
 * The country a phone number typed without its country code is read in: the tenant's (its directory
 * entry's `phoneRegion`). A page serves one tenant, so it is set once the tenant is known, as its branding is;
 * the forms' contract checks and the sentences about a refused number read it.
 */
let current = DEFAULT_PHONE_REGION;

export function applyPhoneRegion(region: string): void {
  current = region;
}

export function tenantPhoneRegion(): string {
  return current;
}

/** What the sentence about a refused number names: how the tenant's numbers begin (`+43`) and its country (`AT`, named in the reader's language). */
export function phoneTextParams(region = current): { code: string; region: string } {
  return { code: countryCallingCodeOf(region) ?? countryCallingCodeOf(DEFAULT_PHONE_REGION) ?? '', region };
}

/** `AT` -> `Österreich` / `Austria`: a country's name in the reader's language, the code itself when the runtime does not know it. */
export function countryName(region: string, language: string | undefined): string {
  try {
    return new Intl.DisplayNames([language ?? 'en'], { type: 'region' }).of(region) ?? region;
  } catch {
    return region;
  }
}
