import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { NAMESPACE_NAME_LABEL, selectorLabels } from '../workload/labels';
import type { PlatformValues } from './platform-values';

/** With tracing on, a platform function's spans may leave for the collector's namespace and port, nowhere else. */
export function toCollectorPolicy(scope: Construct, values: PlatformValues, app: 'mailer' | 'certificates'): k8s.KubeNetworkPolicy {
  const { tracing } = values;
  const name = `${app}-to-otlp-collector`;
  return new k8s.KubeNetworkPolicy(scope, name, {
    metadata: { name, labels: { 'app.kubernetes.io/part-of': 'vaccinate' } },
    spec: {
      podSelector: { matchLabels: selectorLabels(app) },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: tracing.collectorNamespace } } }],
          ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(tracing.collectorPort) }],
        },
      ],
    },
  });
}
