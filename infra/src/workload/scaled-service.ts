import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { objectLabels, selectorLabels, type Component } from './labels';

export interface CpuAutoscaling {
  minReplicas: number;
  maxReplicas: number;
  targetCpuUtilization: number;
}

/**
 * What every stateless Deployment here gets beside itself: an autoscaler on CPU (the Deployment
 * sets no replicas, so an upgrade never fights it), a disruption budget and a ClusterIP Service
 * on its `http` port. `idPrefix` keeps the construct ids the charts were first written with.
 */
export function scaledService(
  scope: Construct,
  idPrefix: string,
  name: Component,
  autoscaling: CpuAutoscaling,
  servicePort: number,
  /** More named container ports the Service carries (the API's metrics); the Ingress names only `http`. */
  extraPorts: { name: string; port: number }[] = [],
): void {
  const labels = objectLabels(name);
  new k8s.KubeHorizontalPodAutoscalerV2(scope, `${idPrefix}autoscaler`, {
    metadata: { name, labels },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: autoscaling.minReplicas,
      maxReplicas: autoscaling.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: autoscaling.targetCpuUtilization } } }],
    },
  });
  new k8s.KubePodDisruptionBudget(scope, `${idPrefix}disruption-budget`, {
    metadata: { name, labels },
    // maxUnavailable rather than minAvailable: a node drain always makes progress.
    spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: selectorLabels(name) } },
  });
  new k8s.KubeService(scope, `${idPrefix}service`, {
    metadata: { name, labels },
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(name),
      ports: [
        { name: 'http', port: servicePort, targetPort: k8s.IntOrString.fromString('http'), protocol: 'TCP' },
        ...extraPorts.map(({ name: portName, port }) => ({ name: portName, port, targetPort: k8s.IntOrString.fromString(portName), protocol: 'TCP' })),
      ],
    },
  });
}
