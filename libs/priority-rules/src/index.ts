export * from './priority-rules';
export * from './validate-priority-rules';
export * from './assign-priority-group';
export * from './release';
export * from './compare-for-allocation';
export * from './example-priority-rules';
