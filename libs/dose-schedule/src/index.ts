export * from './calendar-date';
export * from './dose-schedule';
