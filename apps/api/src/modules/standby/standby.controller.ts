import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiGoneResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { uuidParam } from '../../common/id-param.pipe';
import { RateLimit } from '../../common/rate-limit';
import type { Principal } from '../../common/request-context';
import { Public, RequireRole } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { AnnounceSpareDosesDto, JoinStandbyDto, LeaveStandbyDto, StandbyOfferTokenDto } from './dto/standby.dto';
import type { Announcement } from './standby-offer.repository';
import type { SpareDoseProposal } from './spare-dose-proposal.repository';
import { StandbyService } from './standby.service';

@ApiTags('standby')
@Controller('standby')
export class StandbyController {
  constructor(private readonly standby: StandbyService) {}

  @Post('members')
  @HttpCode(201)
  @Public()
  @RateLimit('manage')
  @ApiCreatedResponse({ description: 'On the standby list (again, with these preferences)' })
  join(@Body() dto: JoinStandbyDto, @Req() request: FastifyRequest): Promise<{ joined: true }> {
    return this.standby.join(dto, request.ip);
  }

  @Post('members/leave')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ApiOkResponse({ description: 'Off the standby list: no more offers' })
  leave(@Body() dto: LeaveStandbyDto): Promise<{ left: true }> {
    return this.standby.leave(dto);
  }

  @Post('offers/confirm')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ApiOkResponse({ description: 'The dose is yours; come to the site before the time shown' })
  @ApiConflictResponse({ description: 'Every spare dose is taken already' })
  @ApiGoneResponse({ description: 'The offer expired' })
  confirm(@Body() dto: StandbyOfferTokenDto) {
    return this.standby.confirm(dto.token);
  }

  @Get('announcements')
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'Announcements with doses, offers sent, open and taken' })
  list(): Promise<Announcement[]> {
    return this.standby.list();
  }

  @Get('proposals')
  @RequireRole('assistant')
  @ApiOkResponse({ description: "Today's days with more doses brought than booked: spare doses to announce" })
  proposals(): Promise<SpareDoseProposal[]> {
    return this.standby.proposals();
  }

  @Post('announcements')
  @RequireRole('assistant')
  @ApiCreatedResponse({ description: 'Announced; the first wave of offers is out' })
  announce(@Body() dto: AnnounceSpareDosesDto, @CurrentPrincipal() principal: Principal): Promise<Announcement> {
    return this.standby.announce(dto, principal.subject);
  }

  @Get('announcements/:id/confirmed')
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'Who confirmed, with given names for the site staff (audited)' })
  confirmed(@Param('id', uuidParam()) id: string) {
    return this.standby.confirmed(id);
  }

  @Post('announcements/:id/waves')
  @HttpCode(200)
  @RequireRole('assistant')
  @ApiOkResponse({ description: 'The next wave went out (expired offers are replaced)' })
  wave(@Param('id', uuidParam()) id: string): Promise<Announcement> {
    return this.standby.dispatchNow(id);
  }
}
