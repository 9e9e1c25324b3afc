export { PROBLEM_CONTENT_TYPE } from '@vaccinate/api-contracts';
export { activeSpanIds, activeTraceId } from './active-trace';
export { MAX_JSON_DEPTH, jsonDepthExceeds } from './json-depth';
export { answerUnderWay, edgeErrorHandlers, rawProblemResponse, type EdgeErrorHandlers } from './framework-errors';
export { problem, problemForStatus, sendProblem, statusCodeOf, titleForStatus } from './problem-details';
export { startServiceTracing, type ServiceTracing } from './tracing';
