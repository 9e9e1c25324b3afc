import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Availability, FollowUpAvailability } from '@vaccinate/api-contracts';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { AvailabilityService } from './availability.service';
import { AvailabilityQueryDto, FollowUpAvailabilityQueryDto } from './dto/create-booking.dto';

@ApiTags('booking')
@Controller('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @Public()
  @RateLimit('availability')
  @Header('cache-control', 'no-cache')
  @ApiOkResponse({ description: 'Days and slots with free places for a vaccine and dose kind' })
  forDoseKind(@Query() query: AvailabilityQueryDto): Promise<Availability> {
    return this.availability.forDoseKind(query.productId, query.doseKind, query.siteId ?? null);
  }

  @Get('follow-up')
  @Public()
  @RateLimit('availability')
  @Header('cache-control', 'no-cache')
  @ApiOkResponse({ description: "Slots inside the product's interval after a first dose in firstSlotId" })
  forFollowUp(@Query() query: FollowUpAvailabilityQueryDto): Promise<FollowUpAvailability> {
    return this.availability.forFollowUp(query.productId, query.firstSlotId, query.siteId ?? null);
  }
}
