import { Inject, Injectable } from '@nestjs/common';
import type { DayWarning } from '@vaccinate/api-contracts';
import { publicHolidayOn } from '../../common/public-holidays';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { openingWeekdays, weekdayOfDate } from './opening-days.util';

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * What to tell a planner about a date at a site: the site's opening hours do not name its weekday, or it
 * is a public holiday in the tenant's region (HOLIDAY_REGION). A warning, never a refusal or a silent skip:
 * a company may well vaccinate on a Saturday.
 */
@Injectable()
export class DayCalendar {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  warnings(openingHours: string, dates: readonly string[]): DayWarning[] {
    const open = openingWeekdays(openingHours);
    return dates.flatMap((date) => {
      const found: DayWarning[] = [];
      const weekday = weekdayOfDate(date);
      if (open && !open.has(weekday)) {
        found.push({ date, code: 'site_closed', message: `The site is not open on ${WEEKDAY_NAMES[weekday]}s (${openingHours}).` });
      }
      const holiday = publicHolidayOn(this.config.holidayRegion, date);
      if (holiday) found.push({ date, code: 'public_holiday', message: `${holiday.name} is a public holiday (${this.config.holidayRegion}).` });
      return found;
    });
  }
}
