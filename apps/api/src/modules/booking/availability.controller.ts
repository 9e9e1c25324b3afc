import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DOSE_KINDS } from '@vaccinate/api-contracts';
import type { FastifyReply } from 'fastify';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { readAvailabilityQuery } from './availability-query';
import { AvailabilityService, type CachedDocument } from './availability.service';

@ApiTags('booking')
@Controller('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @Public()
  @RateLimit('availability')
  @Header('cache-control', 'no-cache')
  @ApiQuery({ name: 'productId', format: 'uuid' })
  @ApiQuery({ name: 'doseKind', enum: DOSE_KINDS })
  @ApiQuery({ name: 'siteId', format: 'uuid', required: false })
  @ApiOkResponse({ description: 'Availability: days and slots with free places for a vaccine and dose kind' })
  async forDoseKind(
    @Query() query: Record<string, unknown>,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const { productId, doseKind, siteId } = readAvailabilityQuery(query, ['productId'], true);
    return answer(await this.availability.forDoseKindJson(productId, doseKind, siteId), acceptEncoding, reply);
  }

  @Get('follow-up')
  @Public()
  @RateLimit('availability')
  @Header('cache-control', 'no-cache')
  @ApiQuery({ name: 'productId', format: 'uuid' })
  @ApiQuery({ name: 'firstSlotId', format: 'uuid' })
  @ApiQuery({ name: 'siteId', format: 'uuid', required: false })
  @ApiOkResponse({ description: "FollowUpAvailability: slots inside the product's interval after a first dose in firstSlotId" })
  async forFollowUp(
    @Query() query: Record<string, unknown>,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const { productId, firstSlotId, siteId } = readAvailabilityQuery(query, ['productId', 'firstSlotId'], false);
    return answer(await this.availability.forFollowUpJson(productId, firstSlotId, siteId), acceptEncoding, reply);
  }
}

/** The cached document, compressed when the client accepts it (every browser does). */
function answer(document: CachedDocument, acceptEncoding: string | undefined, reply: FastifyReply): string | Buffer {
  void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (acceptEncoding && /\bgzip\b/.test(acceptEncoding)) {
    void reply.header('content-encoding', 'gzip');
    return document.gzip;
  }
  return document.json;
}
