export * from './field-key-ring';
export * from './normalize';
export * from './field-codec';
