export * from './calendar-date';
export * from './dose-schedule';
export * from './dose-history';
