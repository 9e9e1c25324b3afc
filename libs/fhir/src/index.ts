export * from './fhir-types';
export * from './immunization-record';
export * from './immunization-recommendation';
export * from './resource-id';
export * from './scheduling-links';
export * from './vaccine-code';
