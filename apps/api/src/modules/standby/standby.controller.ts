import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiGoneResponse, ApiTags } from '@nestjs/swagger';
import {
  Announcement,
  AnnounceSpareDoses,
  ConfirmedMember,
  IdParam,
  SpareDoseProposal,
  StandbyConfirmation,
  StandbyJoined,
  StandbyLeft,
  StandbyOfferToken,
  StandbyOptIn,
  StandbySource,
} from '@vaccinate/api-contracts';
import type { FastifyRequest } from 'fastify';
import { ContractAnswer, ContractBody, ContractListAnswer, ContractParams } from '../../common/contract/contract.decorators';
import { RateLimit } from '../../common/rate-limit';
import type { Principal } from '../../common/request-context';
import { Public, RequireRole } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { StandbyService } from './standby.service';

@ApiTags('standby')
@Controller('standby')
export class StandbyController {
  constructor(private readonly standby: StandbyService) {}

  @Post('members')
  @HttpCode(201)
  @Public()
  @RateLimit('manage')
  @ContractAnswer(201, StandbyJoined, 'On the standby list (again, with these preferences)')
  join(@ContractBody(StandbyOptIn) optIn: StandbyOptIn, @Req() request: FastifyRequest): Promise<StandbyJoined> {
    return this.standby.join(optIn, request.ip);
  }

  @Post('members/leave')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ContractAnswer(200, StandbyLeft, 'Off the standby list: no more offers')
  leave(@ContractBody(StandbySource) source: StandbySource): Promise<StandbyLeft> {
    return this.standby.leave(source);
  }

  @Post('offers/confirm')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ContractAnswer(200, StandbyConfirmation, 'The dose is yours; come to the site before the time shown')
  @ApiConflictResponse({ description: 'Every spare dose is taken already' })
  @ApiGoneResponse({ description: 'The offer expired' })
  confirm(@ContractBody(StandbyOfferToken) offer: StandbyOfferToken): Promise<StandbyConfirmation> {
    return this.standby.confirm(offer.token);
  }

  @Get('announcements')
  @RequireRole('assistant')
  @ContractListAnswer(200, Announcement, 'Announcements with doses, offers sent, open and taken')
  list(): Promise<Announcement[]> {
    return this.standby.list();
  }

  @Get('proposals')
  @RequireRole('assistant')
  @ContractListAnswer(200, SpareDoseProposal, "Today's days with more doses brought than booked: spare doses to announce")
  proposals(): Promise<SpareDoseProposal[]> {
    return this.standby.proposals();
  }

  @Post('announcements')
  @RequireRole('assistant')
  @ContractAnswer(201, Announcement, 'Announced; the first wave of offers is out')
  announce(@ContractBody(AnnounceSpareDoses) announcement: AnnounceSpareDoses, @CurrentPrincipal() principal: Principal): Promise<Announcement> {
    return this.standby.announce(announcement, principal.subject);
  }

  @Get('announcements/:id/confirmed')
  @RequireRole('assistant')
  @ContractListAnswer(200, ConfirmedMember, 'Who confirmed, with given names for the site staff (audited)')
  confirmed(@ContractParams(IdParam) { id }: IdParam): Promise<ConfirmedMember[]> {
    return this.standby.confirmed(id);
  }

  @Post('announcements/:id/waves')
  @HttpCode(200)
  @RequireRole('assistant')
  @ContractAnswer(200, Announcement, 'The next wave went out (expired offers are replaced)')
  wave(@ContractParams(IdParam) { id }: IdParam): Promise<Announcement> {
    return this.standby.dispatchNow(id);
  }
}
