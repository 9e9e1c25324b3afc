import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { CreateRegistrationDto, RegistrationStatusQueryDto } from './dto/create-registration.dto';
import { readRegistrationBody } from './registration-body';
import { RegistrationService, type RegistrationAccepted } from './registration.service';

@ApiTags('waiting-list')
@Controller('registrations')
export class RegistrationController {
  constructor(private readonly registrations: RegistrationService) {}

  @Post()
  @HttpCode(202)
  @Public()
  @RateLimit('booking')
  @ApiAcceptedResponse({ description: 'On the waiting list; committed before this answer. A known e-mail gets its existing tracking code.' })
  // Checked by readRegistrationBody, not the global pipe: the same rules and messages at a fraction of the cost.
  @ApiBody({ type: CreateRegistrationDto })
  register(@Body() body: unknown, @Req() request: FastifyRequest): Promise<RegistrationAccepted> {
    return this.registrations.register(readRegistrationBody(body), request.ip);
  }

  @Post('withdraw')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ApiOkResponse({ description: 'Off the waiting list (and standby); nobody is allocated for this registration any more' })
  @ApiNotFoundResponse({ description: 'No registration matches the tracking code and birth date' })
  @ApiConflictResponse({ description: 'registration.already_booked: cancel the booking with its own link' })
  withdraw(@Body() dto: RegistrationStatusQueryDto): Promise<{ status: 'withdrawn' }> {
    return this.registrations.withdraw(dto.trackingCode, dto.birthDate);
  }

  @Post('status')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ApiOkResponse({ description: 'Status, registration time and how many are queued ahead' })
  @ApiNotFoundResponse({ description: 'No registration matches the tracking code and birth date' })
  status(@Body() dto: RegistrationStatusQueryDto) {
    return this.registrations.status(dto.trackingCode, dto.birthDate);
  }
}
