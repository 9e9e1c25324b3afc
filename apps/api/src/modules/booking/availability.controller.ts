import { Controller, Get, Header, Headers, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Availability, AvailabilityQuery, FollowUpAvailability, FollowUpAvailabilityQuery } from '@vaccinate/api-contracts';
import type { FastifyReply } from 'fastify';
import { ContractDocumentAnswer, ContractQuery } from '../../common/contract/contract.decorators';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { AvailabilityService, type CachedDocument } from './availability.service';

@ApiTags('booking')
@Controller('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @Public()
  @RateLimit('availability')
  @Header('cache-control', 'no-cache')
  @ContractDocumentAnswer(200, Availability, 'Days and slots with free places for a vaccine and dose kind')
  async forDoseKind(
    @ContractQuery(AvailabilityQuery) query: AvailabilityQuery,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return answer(await this.availability.forDoseKindJson(query.productId, query.doseKind, query.siteId ?? null), acceptEncoding, reply);
  }

  @Get('follow-up')
  @Public()
  @RateLimit('availability')
  @Header('cache-control', 'no-cache')
  @ContractDocumentAnswer(200, FollowUpAvailability, "Slots inside the product's interval after a first dose in firstSlotId")
  async forFollowUp(
    @ContractQuery(FollowUpAvailabilityQuery) query: FollowUpAvailabilityQuery,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return answer(await this.availability.forFollowUpJson(query.productId, query.firstSlotId, query.siteId ?? null), acceptEncoding, reply);
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
