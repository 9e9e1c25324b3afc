import { Controller, Get, Header, Headers, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { BookingConfirmation, BookingLocaleRequest, CreateBookingRequest, ManagedBooking, RebookRequest } from '@vaccinate/api-contracts';
import type { FastifyRequest } from 'fastify';
import { ContractAnswer, ContractBody, MediaAnswer } from '../../common/contract/contract.decorators';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { BookingChangeService } from './booking-change.service';
import { BookingService } from './booking.service';

const MANAGE_TOKEN = { name: 'X-Manage-Token', required: true, description: 'The token from the manage link' };

@ApiTags('booking')
@Controller('bookings')
export class BookingController {
  constructor(
    private readonly bookings: BookingService,
    private readonly changes: BookingChangeService,
  ) {}

  @Post()
  @Public()
  @RateLimit('booking')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '16-64 characters; a retry with the same key returns the same booking' })
  @ContractAnswer(201, BookingConfirmation, 'Booked; the manage token is shown once')
  @ApiConflictResponse({ description: 'booking.slot_full, booking.sold_out or booking.already_booked' })
  create(
    @ContractBody(CreateBookingRequest) booking: CreateBookingRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<BookingConfirmation> {
    return this.bookings.create(booking, idempotencyKey, request.ip);
  }

  @Get('current')
  @Public()
  @RateLimit('manage')
  @Header('cache-control', 'no-store')
  @ApiHeader(MANAGE_TOKEN)
  @ContractAnswer(200, ManagedBooking, 'The booking behind the manage link')
  current(@Headers('x-manage-token') token = ''): Promise<ManagedBooking> {
    return this.bookings.current(token);
  }

  @Get('current/calendar.ics')
  @Public()
  @RateLimit('manage')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="vaccination.ics"')
  @Header('cache-control', 'no-store')
  @ApiHeader(MANAGE_TOKEN)
  @MediaAnswer(200, 'text/calendar', 'The appointments as an iCalendar file')
  calendar(@Headers('x-manage-token') token = ''): Promise<string> {
    return this.bookings.calendar(token);
  }

  @Put('current/locale')
  @Public()
  @RateLimit('manage')
  @ApiHeader(MANAGE_TOKEN)
  @ContractAnswer(200, ManagedBooking, 'Every later mail and calendar file is in this language')
  changeLocale(@Headers('x-manage-token') token = '', @ContractBody(BookingLocaleRequest) body: BookingLocaleRequest): Promise<ManagedBooking> {
    return this.bookings.changeLocale(token, body.locale);
  }

  @Post('current/cancel')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ApiHeader(MANAGE_TOKEN)
  @ContractAnswer(200, ManagedBooking, 'Cancelled; the places are free at once')
  cancel(@Headers('x-manage-token') token = ''): Promise<ManagedBooking> {
    return this.changes.cancel(token);
  }

  @Post('current/rebook')
  @HttpCode(200)
  @Public()
  @RateLimit('manage')
  @ApiHeader(MANAGE_TOKEN)
  @ContractAnswer(200, ManagedBooking, 'Moved to the new slot')
  rebook(@Headers('x-manage-token') token = '', @ContractBody(RebookRequest) move: RebookRequest): Promise<ManagedBooking> {
    return this.changes.rebook(token, move.appointmentId, move.slotId);
  }
}
