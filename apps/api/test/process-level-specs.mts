/**
 * Integration specs that start the API, the mailer or the gateway as child processes and kill or time them: they run one
 * at a time after every other test file, so a neighbour's CPU use cannot stretch their start-up past their waits.
 */
export const processLevelSpecs = [
  'test/integration/allocation-durability.integration-spec.ts',
  'test/integration/mail-delivery-kill.integration-spec.ts',
  'test/integration/registration.integration-spec.ts',
  'test/integration/startup-config.integration-spec.ts',
  'test/integration/tracing.integration-spec.ts',
];
