import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/api-config.token';

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl formatter costs far more than using one; hot paths ask for today on every request.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Today's calendar date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return formatterFor(timeZone).format(now);
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function dateIn(timeZone: string, instant: Date): string {
  return todayIn(timeZone, instant);
}

/** The tenant's time zone: vaccination days and opening hours are local times there. */
@Injectable()
export class TimeZoneProvider {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  get zone(): string {
    return this.config.timeZone;
  }
}
