import { Controller, Get, Inject, Patch, Post } from '@nestjs/common';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { ApiTags } from '@nestjs/swagger';
import {
  IdParam,
  Lot,
  LotInput,
  LotsQuery,
  PublicCatalogue,
  Site,
  SiteChange,
  SiteInput,
  VaccineProduct,
  VaccineProductChange,
  VaccineProductInput,
} from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractListAnswer, ContractParams, ContractQuery } from '../../common/contract/contract.decorators';
import { TimeZoneProvider, todayIn } from '../../common/time-zone';
import { Public, RequireRole } from '../auth/access.decorators';
import { CatalogueService } from './catalogue.service';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly timeZone: TimeZoneProvider,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('catalogue')
  @Public()
  @ContractAnswer(200, PublicCatalogue, 'Active vaccines and the sites, for the booking page')
  publicCatalogue(): Promise<PublicCatalogue> {
    return this.catalogue.publicCatalogue({ requireEmployeeNumber: this.config.requireEmployeeNumber, timeZone: this.config.timeZone });
  }

  @Get('sites')
  @RequireRole('assistant')
  @ContractListAnswer(200, Site, 'Every site')
  listSites(): Promise<Site[]> {
    return this.catalogue.listSites();
  }

  @Post('sites')
  @RequireRole('doctor')
  @ContractAnswer(201, Site, 'Created')
  createSite(@ContractBody(SiteInput) site: SiteInput): Promise<Site> {
    return this.catalogue.createSite(site);
  }

  @Get('sites/:id')
  @RequireRole('assistant')
  @ContractAnswer(200, Site, 'The site')
  getSite(@ContractParams(IdParam) { id }: IdParam): Promise<Site> {
    return this.catalogue.getSite(id);
  }

  @Patch('sites/:id')
  @RequireRole('doctor')
  @ContractAnswer(200, Site, 'Changed')
  updateSite(@ContractParams(IdParam) { id }: IdParam, @ContractBody(SiteChange) site: SiteChange): Promise<Site> {
    const { version, ...change } = site;
    return this.catalogue.updateSite(id, change, version);
  }

  @Get('vaccines')
  @RequireRole('assistant')
  @ContractListAnswer(200, VaccineProduct, 'Every vaccine')
  listProducts(): Promise<VaccineProduct[]> {
    return this.catalogue.listProducts();
  }

  @Post('vaccines')
  @RequireRole('doctor')
  @ContractAnswer(201, VaccineProduct, 'Created')
  createProduct(@ContractBody(VaccineProductInput) product: VaccineProductInput): Promise<VaccineProduct> {
    return this.catalogue.createProduct(product);
  }

  @Patch('vaccines/:id')
  @RequireRole('doctor')
  @ContractAnswer(200, VaccineProduct, 'Changed')
  updateProduct(@ContractParams(IdParam) { id }: IdParam, @ContractBody(VaccineProductChange) product: VaccineProductChange): Promise<VaccineProduct> {
    const { version, ...change } = product;
    return this.catalogue.updateProduct(id, change, version);
  }

  @Get('lots')
  @RequireRole('assistant')
  @ContractListAnswer(200, Lot, 'Lots, of one vaccine when productId is given')
  listLots(@ContractQuery(LotsQuery) query: LotsQuery): Promise<Lot[]> {
    return this.catalogue.listLots(query.productId);
  }

  @Post('lots')
  @RequireRole('doctor')
  @ContractAnswer(201, Lot, 'Received')
  createLot(@ContractBody(LotInput) lot: LotInput): Promise<Lot> {
    return this.catalogue.createLot(lot, todayIn(this.timeZone.zone));
  }
}
