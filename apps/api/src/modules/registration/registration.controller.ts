import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { CreateRegistrationDto, RegistrationStatusQueryDto } from './dto/create-registration.dto';
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
  register(@Body() dto: CreateRegistrationDto, @Req() request: FastifyRequest): Promise<RegistrationAccepted> {
    return this.registrations.register(dto, request.ip);
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
