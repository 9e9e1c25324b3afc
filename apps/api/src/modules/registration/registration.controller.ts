import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { RegistrationAccepted, RegistrationLookup, RegistrationRequest, RegistrationStatus, RegistrationWithdrawn } from '@vaccinate/api-contracts';
import type { FastifyRequest } from 'fastify';
import { ContractAnswer, ContractBody } from '../../common/contract/contract.decorators';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { RegistrationService } from './registration.service';

@ApiTags('waiting-list')
@Controller('registrations')
export class RegistrationController {
  constructor(private readonly registrations: RegistrationService) {}

  @Post()
  @HttpCode(202)
  @Public()
  @RateLimit('booking')
  @ContractAnswer(202, RegistrationAccepted, 'On the waiting list; committed before this answer. A known e-mail gets its existing tracking code.')
  register(@ContractBody(RegistrationRequest) body: RegistrationRequest, @Req() request: FastifyRequest): Promise<RegistrationAccepted> {
    return this.registrations.register(body, request.ip);
  }

  @Post('withdraw')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ContractAnswer(200, RegistrationWithdrawn, 'Off the waiting list (and standby); nobody is allocated for this registration any more')
  @ApiNotFoundResponse({ description: 'No registration matches the tracking code and birth date' })
  @ApiConflictResponse({ description: 'registration.already_booked: cancel the booking with its own link' })
  withdraw(@ContractBody(RegistrationLookup) lookup: RegistrationLookup): Promise<RegistrationWithdrawn> {
    return this.registrations.withdraw(lookup.trackingCode, lookup.birthDate);
  }

  @Post('status')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ContractAnswer(200, RegistrationStatus, 'Status, registration time and how many are queued ahead')
  @ApiNotFoundResponse({ description: 'No registration matches the tracking code and birth date' })
  status(@ContractBody(RegistrationLookup) lookup: RegistrationLookup): Promise<RegistrationStatus> {
    return this.registrations.status(lookup.trackingCode, lookup.birthDate);
  }
}
