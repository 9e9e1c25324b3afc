export * from './auth';
export * from './person';
export * from './problem';
export * from './roles';
