import { DOSE_KINDS, type DoseKind, type FieldProblem } from '@vaccinate/api-contracts';
import { ValidationException } from '../../common/problem/app-exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Availability is the most polled route: its few query parameters are checked by hand instead
 * of through class-validator, which costs more than the cached answer itself.
 */
export function readAvailabilityQuery<K extends string>(
  query: Record<string, unknown>,
  ids: readonly K[],
  withDoseKind: boolean,
): Record<K, string> & { doseKind: DoseKind; siteId: string | null } {
  const problems: FieldProblem[] = [];
  const values = {} as Record<K, string>;
  for (const name of ids) {
    const value = query[name];
    if (typeof value === 'string' && UUID.test(value)) values[name] = value;
    else problems.push({ field: name, message: 'must be a UUID' });
  }
  const doseKind = query['doseKind'];
  if (withDoseKind && !DOSE_KINDS.includes(doseKind as DoseKind)) {
    problems.push({ field: 'doseKind', message: `must be one of ${DOSE_KINDS.join(', ')}` });
  }
  const siteId = query['siteId'];
  if (siteId !== undefined && (typeof siteId !== 'string' || !UUID.test(siteId))) problems.push({ field: 'siteId', message: 'must be a UUID' });
  const unknown = Object.keys(query).filter((name) => ![...ids, 'doseKind', 'siteId'].includes(name));
  for (const name of unknown) problems.push({ field: name, message: 'is not an accepted parameter' });
  if (problems.length > 0) throw new ValidationException(problems);
  return { ...values, doseKind: (doseKind as DoseKind) ?? 'followUp', siteId: (siteId as string | undefined) ?? null };
}
