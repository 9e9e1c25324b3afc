import { Injectable } from '@nestjs/common';
import type { Lot, LotInput, PublicCatalogue, Site, SiteInput, VaccineProduct, VaccineProductInput } from '@vaccinate/api-contracts';
import { scheduleProblems } from '@vaccinate/dose-schedule';
import { CatalogueException, CatalogueExceptionCode } from './catalogue.exception';
import { CatalogueRepository } from './catalogue.repository';

const PRODUCT_CACHE_MS = 10_000;

/** What can be booked: sites, products with their schedules, lots in stock. */
@Injectable()
export class CatalogueService {
  private productCache: { at: number; byId: Map<string, VaccineProduct> } | null = null;

  constructor(private readonly catalogue: CatalogueRepository) {}

  listSites(): Promise<Site[]> {
    return this.catalogue.listSites();
  }

  async getSite(id: string): Promise<Site> {
    const site = await this.catalogue.findSite(id);
    if (!site) throw new CatalogueException(CatalogueExceptionCode.SiteNotFound);
    return site;
  }

  createSite(input: SiteInput): Promise<Site> {
    return this.catalogue.insertSite(input);
  }

  updateSite(id: string, change: Partial<SiteInput>, version: number): Promise<Site> {
    return this.catalogue.updateSite(id, change, version);
  }

  listProducts(): Promise<VaccineProduct[]> {
    return this.catalogue.listProducts();
  }

  async createProduct(input: VaccineProductInput): Promise<VaccineProduct> {
    assertConsistentSchedule(input);
    this.productCache = null;
    return this.catalogue.insertProduct(input);
  }

  async updateProduct(id: string, change: Partial<VaccineProductInput>, version: number): Promise<VaccineProduct> {
    const current = await this.product(id);
    assertConsistentSchedule({ ...current, ...change });
    this.productCache = null;
    return this.catalogue.updateProduct(id, change, version);
  }

  /** A product by id from a short-lived in-process cache: the booking path reads it on every request. */
  async product(id: string): Promise<VaccineProduct> {
    const now = Date.now();
    if (!this.productCache || now - this.productCache.at > PRODUCT_CACHE_MS) {
      const products = await this.catalogue.listProducts();
      this.productCache = { at: now, byId: new Map(products.map((product) => [product.id, product])) };
    }
    const product = this.productCache.byId.get(id);
    if (!product) throw new CatalogueException(CatalogueExceptionCode.ProductNotFound);
    return product;
  }

  listLots(productId?: string): Promise<Lot[]> {
    return this.catalogue.listLots(productId);
  }

  async createLot(input: LotInput, today: string): Promise<Lot> {
    await this.product(input.productId);
    if (input.expiryDate < today) {
      throw new CatalogueException(CatalogueExceptionCode.LotExpired, [{ field: 'expiryDate', message: 'is in the past' }]);
    }
    return this.catalogue.insertLot(input);
  }

  async publicCatalogue(settings: { requireEmployeeNumber: boolean; timeZone: string }): Promise<PublicCatalogue> {
    const [products, sites] = await Promise.all([this.catalogue.listProducts(true), this.catalogue.listSites()]);
    return {
      ...settings,
      products: products.map(({ id, name, manufacturer, primaryDoses, followUpIntervals, minAgeYears, maxAgeYears }) => ({
        id,
        name,
        manufacturer,
        primaryDoses,
        followUpIntervals,
        minAgeYears,
        maxAgeYears,
      })),
      sites: sites.map(({ id, name, street, postalCode, city, openingHours }) => ({ id, name, street, postalCode, city, openingHours })),
    };
  }
}

function assertConsistentSchedule(product: VaccineProductInput): void {
  const problems = scheduleProblems(product);
  if (problems.length > 0) throw new CatalogueException(CatalogueExceptionCode.InvalidSchedule, problems);
}
