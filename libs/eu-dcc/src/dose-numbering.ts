export interface DoseNumbering {
  /** `dn`: the number of this dose among all doses received. */
  dn: number;
  /** `sd`: the total the certificate states for the series. */
  sd: number;
}

/**
 * `dn`/`sd` per the eHN dose-numbering guidance: within the primary series n/N; a booster after
 * a single-dose primary series (Janssen) keeps the total at 1 (2/1, 3/1, ...); a booster after a
 * multi-dose series counts up with the total equal to the dose number (3/3, 4/4, ...).
 */
export function doseNumbering(doseNumber: number, primarySeriesDoses: number): DoseNumbering {
  if (!Number.isInteger(doseNumber) || doseNumber < 1) throw new RangeError('dose number must be a positive integer');
  if (!Number.isInteger(primarySeriesDoses) || primarySeriesDoses < 1) {
    throw new RangeError('primary series doses must be a positive integer');
  }
  if (doseNumber <= primarySeriesDoses) return { dn: doseNumber, sd: primarySeriesDoses };
  if (primarySeriesDoses === 1) return { dn: doseNumber, sd: 1 };
  return { dn: doseNumber, sd: doseNumber };
}
