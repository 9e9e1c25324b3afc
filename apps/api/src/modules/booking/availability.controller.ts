import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Availability, AvailabilityQuery, FollowUpAvailability, FollowUpAvailabilityQuery } from '@vaccinate/api-contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ContractDocumentAnswer, ContractQuery } from '../../common/contract/contract.decorators';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { documentAnswer, type CachedDocument } from './availability-answer';
import { AvailabilityService } from './availability.service';

@ApiTags('booking')
@Controller('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @Public()
  @RateLimit('availability')
  @ContractDocumentAnswer(200, Availability, 'Days and slots with free places for a vaccine and dose kind')
  async forDoseKind(
    @ContractQuery(AvailabilityQuery) query: AvailabilityQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    return answer(await this.availability.forDoseKindJson(query.productId, query.doseKind, query.siteId ?? null), request, reply);
  }

  @Get('follow-up')
  @Public()
  @RateLimit('availability')
  @ContractDocumentAnswer(200, FollowUpAvailability, "Slots inside the product's interval after a first dose in firstSlotId")
  async forFollowUp(
    @ContractQuery(FollowUpAvailabilityQuery) query: FollowUpAvailabilityQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    return answer(await this.availability.forFollowUpJson(query.productId, query.firstSlotId, query.siteId ?? null), request, reply);
  }
}

/** The cached document in the client's coding, or 304 when the client holds it already. */
function answer(document: CachedDocument, request: FastifyRequest, reply: FastifyReply): Buffer | string {
  const { status, headers, body } = documentAnswer(document, request.headers);
  void reply.status(status).headers(headers);
  return body ?? '';
}
