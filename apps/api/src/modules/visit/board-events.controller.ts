import { Controller, Get, Req, Res, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiTags } from '@nestjs/swagger';
import { IdParam } from '@vaccinate/api-contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ContractParams, MediaAnswer } from '../../common/contract/contract.decorators';
import { RequireRole } from '../auth/access.decorators';
import { AvailabilityNotifications } from '../booking/availability-notifications';
import { VaccinationDayException } from '../vaccination-day/vaccination-day.exception';
import { VisitRepository } from './visit.repository';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 20_000;

/**
 * The day board's changes as server-sent events. The stream carries only the day id of a change
 * (no personal data): the page reloads the board, whose read is audited as ever. It is read with
 * fetch and the staff bearer token like every staff route (an EventSource could not send the
 * header, and a token in the URL would end up in logs), so the same guard binds it to the tenant.
 */
@ApiTags('day-run')
@Controller('vaccination-days')
export class BoardEventsController implements BeforeApplicationShutdown {
  /** Open streams: ended before the server closes, which would otherwise wait for them. */
  private readonly open = new Set<ServerResponse>();

  constructor(
    private readonly notifications: AvailabilityNotifications,
    private readonly visits: VisitRepository,
  ) {}

  @Get(':id/board/events')
  @RequireRole('assistant')
  @MediaAnswer(200, 'text/event-stream', 'Server-sent events: `board` with {"dayId"} whenever a check-in, answer, dose or check-out changes the board')
  async events(@ContractParams(IdParam) { id }: IdParam, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!(await this.visits.dayWindow(id))) throw VaccinationDayException.notFound();
    reply.hijack();
    const raw = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) raw.setHeader(name, value);
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const data = JSON.stringify({ dayId: id });
    raw.write(`retry: 3000\nevent: ready\ndata: ${data}\n\n`);
    const stop = this.notifications.onBoardChange(id, () => raw.write(`event: board\ndata: ${data}\n\n`));
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    this.open.add(raw);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      stop();
      this.open.delete(raw);
    });
  }

  /** The pages reconnect, to another pod or to this one once it is back. */
  beforeApplicationShutdown(): void {
    for (const raw of this.open) raw.end();
    this.open.clear();
  }
}
