export * from './mail-message';
export * from './mail-message.validation';
export * from './mail-formats';
