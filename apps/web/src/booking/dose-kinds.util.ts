import type { DoseKind, PublicCatalogue } from '@vaccinate/api-contracts';

export type CatalogueProduct = PublicCatalogue['products'][number];

/**
 * The dose kinds a person may book for a product. A follow-up dose exists only in a series of
 * more than one dose. The public catalogue does not say whether a booster is offered, so it is
 * always listed and the availability answers whether there are booster slots.
 */
export function doseKindsFor(product: Pick<CatalogueProduct, 'primaryDoses'>): DoseKind[] {
  return product.primaryDoses > 1 ? ['first', 'followUp', 'booster'] : ['first', 'booster'];
}

/** Booking a first dose of a multi-dose series reserves the next dose at the same time. */
export function reservesFollowUp(product: Pick<CatalogueProduct, 'primaryDoses'>, doseKind: DoseKind): boolean {
  return doseKind === 'first' && product.primaryDoses > 1;
}
