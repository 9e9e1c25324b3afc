export * from './api-environment';
export * from './tenant-database';
export * from './tenant-naming';
export * from './tenant-secrets';
export * from './document-signer';
