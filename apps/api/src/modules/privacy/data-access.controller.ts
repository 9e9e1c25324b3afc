import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { DataAccessLinkExchange, DataAccessRequest, DataAccessRequestAccepted, PersonExport } from '@vaccinate/api-contracts';
import type { FastifyRequest } from 'fastify';
import { ContractAnswer, ContractBody } from '../../common/contract/contract.decorators';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { DataAccessRequestService } from './data-access-request.service';

@ApiTags('privacy')
@Controller('privacy')
export class DataAccessController {
  constructor(private readonly requests: DataAccessRequestService) {}

  @Post('access-requests')
  @HttpCode(202)
  @Public()
  @RateLimit('manage')
  @ContractAnswer(202, DataAccessRequestAccepted, 'Accepted; if the e-mail and birth date match a person, a single-use link is mailed. The same answer either way.')
  request(@ContractBody(DataAccessRequest) body: DataAccessRequest, @Req() request: FastifyRequest): Promise<DataAccessRequestAccepted> {
    return this.requests.request(body, request.ip);
  }

  @Post('access-links')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ContractAnswer(200, PersonExport, 'Everything held about the person; the link is spent')
  @ApiNotFoundResponse({ description: 'privacy.link_invalid: used, expired or unknown' })
  exchange(@ContractBody(DataAccessLinkExchange) body: DataAccessLinkExchange): Promise<PersonExport> {
    return this.requests.exchange(body.token);
  }
}
