export * from './field-key-ring';
export * from './normalize';
