import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Lot, PublicCatalogue, Site, VaccineProduct } from '@vaccinate/api-contracts';
import { uuidParam } from '../../common/id-param.pipe';
import { TimeZoneProvider, todayIn } from '../../common/time-zone';
import { Public, RequireRole } from '../auth/access.decorators';
import { CatalogueService } from './catalogue.service';
import { CreateLotDto, LotDto } from './dto/lot.dto';
import { CreateSiteDto, SiteDto, UpdateSiteDto } from './dto/site.dto';
import { CreateVaccineProductDto, UpdateVaccineProductDto, VaccineProductDto } from './dto/vaccine-product.dto';


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
  @ApiOkResponse({ description: 'Active vaccines and the sites, for the booking page' })
  publicCatalogue(): Promise<PublicCatalogue> {
    return this.catalogue.publicCatalogue({ requireEmployeeNumber: this.config.requireEmployeeNumber, timeZone: this.config.timeZone });
  }

  @Get('sites')
  @RequireRole('assistant')
  @ApiOkResponse({ type: [SiteDto] })
  listSites(): Promise<Site[]> {
    return this.catalogue.listSites();
  }

  @Post('sites')
  @RequireRole('doctor')
  @ApiCreatedResponse({ type: SiteDto })
  createSite(@Body() dto: CreateSiteDto): Promise<Site> {
    return this.catalogue.createSite(dto);
  }

  @Get('sites/:id')
  @RequireRole('assistant')
  @ApiOkResponse({ type: SiteDto })
  getSite(@Param('id', uuidParam()) id: string): Promise<Site> {
    return this.catalogue.getSite(id);
  }

  @Patch('sites/:id')
  @RequireRole('doctor')
  @ApiOkResponse({ type: SiteDto })
  updateSite(@Param('id', uuidParam()) id: string, @Body() dto: UpdateSiteDto): Promise<Site> {
    const { version, ...change } = dto;
    return this.catalogue.updateSite(id, change, version);
  }

  @Get('vaccines')
  @RequireRole('assistant')
  @ApiOkResponse({ type: [VaccineProductDto] })
  listProducts(): Promise<VaccineProduct[]> {
    return this.catalogue.listProducts();
  }

  @Post('vaccines')
  @RequireRole('doctor')
  @ApiCreatedResponse({ type: VaccineProductDto })
  createProduct(@Body() dto: CreateVaccineProductDto): Promise<VaccineProduct> {
    return this.catalogue.createProduct(dto);
  }

  @Patch('vaccines/:id')
  @RequireRole('doctor')
  @ApiOkResponse({ type: VaccineProductDto })
  updateProduct(@Param('id', uuidParam()) id: string, @Body() dto: UpdateVaccineProductDto): Promise<VaccineProduct> {
    const { version, ...change } = dto;
    return this.catalogue.updateProduct(id, change, version);
  }

  @Get('lots')
  @RequireRole('assistant')
  @ApiQuery({ name: 'productId', required: false })
  @ApiOkResponse({ type: [LotDto] })
  listLots(@Query('productId', uuidParam('productId', { optional: true })) productId?: string): Promise<Lot[]> {
    return this.catalogue.listLots(productId);
  }

  @Post('lots')
  @RequireRole('doctor')
  @ApiCreatedResponse({ type: LotDto })
  createLot(@Body() dto: CreateLotDto): Promise<Lot> {
    return this.catalogue.createLot(dto, todayIn(this.timeZone.zone));
  }
}
