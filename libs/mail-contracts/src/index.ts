export * from './mail-message';
export * from './mail-message.validation';
