import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  INGRESS_CONTROLLER_POD_LABELS,
  NAMESPACE_NAME_LABEL,
  objectLabels,
  PLATFORM_FUNCTION_LABELS,
  PLATFORM_FUNCTION_PORT,
} from '../workload/labels';
import { API_PORT } from './api-environment';
import type { TenantValues } from './tenant-values';

const inNamespace = (name: string): k8s.LabelSelector => ({ matchLabels: { [NAMESPACE_NAME_LABEL]: name } });

/**
 * Deny everything in the namespace, then allow: the ingress controller to the API port; the API
 * and the migration Job to DNS, Postgres and the platform functions. Nothing else, not even
 * another tenant's namespace.
 */
export class TenantNetworkPolicies extends Construct {
  constructor(scope: Construct, id: string, values: TenantValues) {
    super(scope, id);
    const { networkPolicy } = values;
    const metadata = (name: string): k8s.ObjectMeta => ({ name, labels: { 'app.kubernetes.io/part-of': 'vaccinate' } });

    new k8s.KubeNetworkPolicy(this, 'default-deny', {
      metadata: metadata('default-deny'),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });

    new k8s.KubeNetworkPolicy(this, 'api-from-ingress', {
      metadata: metadata('api-from-ingress-controller'),
      spec: {
        podSelector: { matchLabels: objectLabels('api') },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: inNamespace(networkPolicy.ingressControllerNamespace),
                podSelector: { matchLabels: INGRESS_CONTROLLER_POD_LABELS },
              },
            ],
            ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(API_PORT) }],
          },
        ],
      },
    });

    new k8s.KubeNetworkPolicy(this, 'api-egress', {
      metadata: metadata('api-egress'),
      spec: {
        podSelector: {
          matchExpressions: [{ key: 'app.kubernetes.io/component', operator: 'In', values: ['api', 'migration'] }],
        },
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ namespaceSelector: inNamespace('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
            ports: [
              { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) },
              { protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) },
            ],
          },
          {
            to: [{ ipBlock: { cidr: networkPolicy.postgresCidr } }],
            ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(networkPolicy.postgresPort) }],
          },
          {
            to: [
              {
                namespaceSelector: inNamespace(networkPolicy.platformNamespace),
                podSelector: { matchLabels: PLATFORM_FUNCTION_LABELS },
              },
            ],
            ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(PLATFORM_FUNCTION_PORT) }],
          },
        ],
      },
    });
  }
}
