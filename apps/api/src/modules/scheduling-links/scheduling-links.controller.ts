import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { SchedulingManifest } from '@vaccinate/api-contracts';
import { NDJSON_MEDIA_TYPE } from '@vaccinate/fhir';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ContractDocumentAnswer, MediaAnswer } from '../../common/contract/contract.decorators';
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
  @ContractDocumentAnswer(200, SchedulingManifest, 'The manifest: the Location, Schedule and Slot files and when the data last changed')
  @ApiNotFoundResponse({ description: NOT_PUBLISHED })
  async manifest(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const feed = await this.feeds.feed();
    if (!cacheHeaders(request, reply, feed)) return '';
    void reply.header('content-type', 'application/json; charset=utf-8');
    return JSON.stringify(feed.manifest);
  }

  @Get('locations.ndjson')
  @Public()
  @RateLimit('availability')
  @MediaAnswer(200, NDJSON_MEDIA_TYPE, 'One FHIR R4 Location per line: the sites')
  @ApiNotFoundResponse({ description: NOT_PUBLISHED })
  locations(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.file('locations', request, reply);
  }

  @Get('schedules.ndjson')
  @Public()
  @RateLimit('availability')
  @MediaAnswer(200, NDJSON_MEDIA_TYPE, 'One FHIR R4 Schedule per line: first doses of one vaccine at one site')
  @ApiNotFoundResponse({ description: NOT_PUBLISHED })
  schedules(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.file('schedules', request, reply);
  }

  @Get('slots.ndjson')
  @Public()
  @RateLimit('availability')
  @MediaAnswer(200, NDJSON_MEDIA_TYPE, 'One FHIR R4 Slot per line, free or busy, with its capacity and a link to the booking page')
  @ApiNotFoundResponse({ description: NOT_PUBLISHED })
  slots(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.file('slots', request, reply);
  }

  private async file(name: SchedulingFile, request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const feed = await this.feeds.feed();
    if (!cacheHeaders(request, reply, feed)) return '';
    void reply.header('content-type', `${NDJSON_MEDIA_TYPE}; charset=utf-8`);
    return feed.files[name];
  }
}

/** Sets the caching headers; false (and a 304) when the client holds this data set already (If-None-Match, else If-Modified-Since). */
function cacheHeaders(request: FastifyRequest, reply: FastifyReply, feed: PublishedFeed): boolean {
  void reply.header('cache-control', CACHE_CONTROL).header('last-modified', feed.lastModified.toUTCString()).header('etag', feed.etag);
  const tags = request.headers['if-none-match'];
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  // HTTP dates have whole seconds.
  const unchanged = tags !== undefined ? tags.split(',').some((tag) => tag.trim() === feed.etag) : since >= Math.floor(feed.lastModified.getTime() / 1000) * 1000;
  if (unchanged) void reply.status(304);
  return !unchanged;
}
