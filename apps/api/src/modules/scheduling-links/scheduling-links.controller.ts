import { Controller, Get, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { SchedulingManifest } from '@vaccinate/api-contracts';
import { NDJSON_MEDIA_TYPE } from '@vaccinate/fhir';
import type { FastifyReply } from 'fastify';
import { ContractAnswer, MediaAnswer } from '../../common/contract/contract.decorators';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorators';
import { SchedulingFeedService, type PublishedFeed, type SchedulingFile } from './scheduling-feed.service';

/** Aggregators poll about once a minute; the header tells them so. */
const CACHE_CONTROL = 'public, max-age=60';
const NOT_PUBLISHED = 'The tenant does not publish its slots (SCHEDULING_LINKS=off)';

/** SMART Scheduling Links: where public vaccine finders read the tenant's free first-dose slots. Nothing personal is in them. */
@ApiTags('scheduling-links')
@Controller('scheduling-links')
export class SchedulingLinksController {
  constructor(private readonly feeds: SchedulingFeedService) {}

  @Get('$bulk-publish')
  @Public()
  @RateLimit('availability')
  @ContractAnswer(200, SchedulingManifest, 'The manifest: the Location, Schedule and Slot files and when the data last changed')
  @ApiNotFoundResponse({ description: NOT_PUBLISHED })
  async manifest(@Res({ passthrough: true }) reply: FastifyReply): Promise<SchedulingManifest> {
    const feed = await this.feeds.feed();
    cacheHeaders(reply, feed);
    return feed.manifest;
  }

  @Get('locations.ndjson')
  @Public()
  @RateLimit('availability')
  @MediaAnswer(200, NDJSON_MEDIA_TYPE, 'One FHIR R4 Location per line: the sites')
  @ApiNotFoundResponse({ description: NOT_PUBLISHED })
  locations(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.file('locations', reply);
  }

  @Get('schedules.ndjson')
  @Public()
  @RateLimit('availability')
  @MediaAnswer(200, NDJSON_MEDIA_TYPE, 'One FHIR R4 Schedule per line: first doses of one vaccine at one site')
  @ApiNotFoundResponse({ description: NOT_PUBLISHED })
  schedules(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.file('schedules', reply);
  }

  @Get('slots.ndjson')
  @Public()
  @RateLimit('availability')
  @MediaAnswer(200, NDJSON_MEDIA_TYPE, 'One FHIR R4 Slot per line, free or busy, with its capacity and a link to the booking page')
  @ApiNotFoundResponse({ description: NOT_PUBLISHED })
  slots(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.file('slots', reply);
  }

  private async file(name: SchedulingFile, reply: FastifyReply): Promise<string> {
    const feed = await this.feeds.feed();
    cacheHeaders(reply, feed);
    void reply.header('content-type', `${NDJSON_MEDIA_TYPE}; charset=utf-8`);
    return feed.files[name];
  }
}

function cacheHeaders(reply: FastifyReply, feed: PublishedFeed): void {
  void reply.header('cache-control', CACHE_CONTROL).header('last-modified', feed.lastModified.toUTCString());
}
