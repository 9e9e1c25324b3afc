export * from './local-postgres';
