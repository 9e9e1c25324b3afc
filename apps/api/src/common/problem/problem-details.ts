/** One problem shape for the API, the gateway and the certificates function: it lives in http-edge. */
export { problem, titleForStatus } from '@vaccinate/http-edge';
