export * from './contract';
export { fieldOf, fieldProblems } from './field-problems';
export { countryCallingCodeOf, FORMATS, isIsoDate, isIsoDateTime, isPhoneRegion, isPlausibleBirthDate, normalizePhoneNumber } from './formats';
export * from './schema';
export { Type, type Static, type TSchema } from '@sinclair/typebox';
