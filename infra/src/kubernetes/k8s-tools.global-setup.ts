import { k8sTools } from './k8s-tools';

/** Unpacks Helm and kubectl once, before the test workers start calling them. */
export default function setup(): void {
  k8sTools();
}
