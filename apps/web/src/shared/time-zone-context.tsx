import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAppointment, formatDateTime, formatDay, formatTime, localDateOf } from './date-format.util';

/** The tenant's zone for the pages below; undefined: the browser's. */
const TimeZoneContext = createContext<string | undefined>(undefined);

export function TimeZoneProvider({ timeZone, children }: { timeZone: string | undefined; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): string | undefined {
  return useContext(TimeZoneContext);
}

/** The formatters of date-format.util bound to the current language and the tenant's zone. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  const locale = i18n.language;
  return useMemo(
    () => ({
      time: (isoDateTime: string) => formatTime(isoDateTime, locale, timeZone),
      day: (isoDate: string, style?: 'long' | 'short') => formatDay(isoDate, locale, style),
      appointment: (startsAt: string, endsAt: string) => formatAppointment(startsAt, endsAt, locale, timeZone),
      dateTime: (isoDateTime: string) => formatDateTime(isoDateTime, locale, timeZone),
      dateOf: (isoDateTime: string) => localDateOf(isoDateTime, timeZone),
    }),
    [locale, timeZone],
  );
}
