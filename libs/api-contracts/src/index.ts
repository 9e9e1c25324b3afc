export * from './auth';
export * from './person';
export * from './problem';
export * from './roles';
export * from './booking';
export * from './catalogue';
export * from './vaccination-day';
export * from './day-run';
