import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Lot, LotInput, Site, SiteInput, VaccineProduct, VaccineProductInput } from '@vaccinate/api-contracts';
import { QueryFailedError, type DataSource } from 'typeorm';
import { CatalogueException, CatalogueExceptionCode } from './catalogue.exception';
import { LotEntity } from './lot.entity';
import { SiteEntity } from './site.entity';
import { VaccineProductEntity } from './vaccine-product.entity';

/** Sites, vaccine products and lots: the only code that touches their tables. */
@Injectable()
export class CatalogueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listSites(): Promise<Site[]> {
    return (await this.dataSource.manager.find(SiteEntity, { order: { name: 'ASC' } })).map(toSite);
  }

  async findSite(id: string): Promise<Site | null> {
    const entity = await this.dataSource.manager.findOneBy(SiteEntity, { id });
    return entity ? toSite(entity) : null;
  }

  async insertSite(input: SiteInput): Promise<Site> {
    return toSite(await this.dataSource.manager.save(SiteEntity, this.dataSource.manager.create(SiteEntity, input)));
  }

  async updateSite(id: string, change: Partial<SiteInput>, version: number): Promise<Site> {
    await this.updateVersioned(SiteEntity, id, change, version, CatalogueExceptionCode.SiteNotFound);
    const site = await this.findSite(id);
    if (!site) throw new CatalogueException(CatalogueExceptionCode.SiteNotFound);
    return site;
  }

  async listProducts(onlyActive = false): Promise<VaccineProduct[]> {
    const where = onlyActive ? { active: true } : {};
    return (await this.dataSource.manager.find(VaccineProductEntity, { where, order: { name: 'ASC' } })).map(toProduct);
  }

  async findProduct(id: string): Promise<VaccineProduct | null> {
    const entity = await this.dataSource.manager.findOneBy(VaccineProductEntity, { id });
    return entity ? toProduct(entity) : null;
  }

  async insertProduct(input: VaccineProductInput): Promise<VaccineProduct> {
    const entity = this.dataSource.manager.create(VaccineProductEntity, input);
    return toProduct(await this.dataSource.manager.save(VaccineProductEntity, entity));
  }

  async updateProduct(id: string, change: Partial<VaccineProductInput>, version: number): Promise<VaccineProduct> {
    await this.updateVersioned(VaccineProductEntity, id, change, version, CatalogueExceptionCode.ProductNotFound);
    const product = await this.findProduct(id);
    if (!product) throw new CatalogueException(CatalogueExceptionCode.ProductNotFound);
    return product;
  }

  async listLots(productId?: string): Promise<Lot[]> {
    const where = productId ? { productId } : {};
    return (await this.dataSource.manager.find(LotEntity, { where, order: { expiryDate: 'ASC', lotNumber: 'ASC' } })).map(toLot);
  }

  async insertLot(input: LotInput): Promise<Lot> {
    try {
      return toLot(await this.dataSource.manager.save(LotEntity, this.dataSource.manager.create(LotEntity, input)));
    } catch (error) {
      if (error instanceof QueryFailedError && (error as { constraint?: string }).constraint === 'uq_lot_product_number') {
        throw new CatalogueException(CatalogueExceptionCode.LotNumberTaken, [{ field: 'lotNumber', message: 'is already recorded for this product' }]);
      }
      throw error;
    }
  }

  /** One conditional UPDATE: concurrent changes of the same version cannot both pass, and nothing waits on a lock it holds. */
  private async updateVersioned<T extends { id: string; version: number }>(
    entity: new () => T,
    id: string,
    change: object,
    version: number,
    notFound: CatalogueExceptionCode,
  ): Promise<void> {
    const result = await this.dataSource.manager
      .createQueryBuilder()
      .update(entity)
      .set(change)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected === 1) return;
    const exists = await this.dataSource.manager.existsBy(entity, { id } as never);
    throw new CatalogueException(exists ? CatalogueExceptionCode.VersionConflict : notFound);
  }
}

function toSite(entity: SiteEntity): Site {
  const { id, name, street, postalCode, city, openingHours, stations, version } = entity;
  return { id, name, street, postalCode, city, openingHours, stations, version };
}

function toProduct(entity: VaccineProductEntity): VaccineProduct {
  const { createdAt: _created, updatedAt: _updated, ...product } = entity;
  return product;
}

function toLot(entity: LotEntity): Lot {
  const { id, productId, lotNumber, expiryDate, dosesReceived, dosesAssigned, dosesUsed, dosesWasted } = entity;
  return { id, productId, lotNumber, expiryDate, dosesReceived, dosesAssigned, dosesUsed, dosesWasted };
}
