import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { ValuesContext } from '../helm/values-context';
import { INGRESS_CONTROLLER_POD_LABELS, NAMESPACE_NAME_LABEL, objectLabels, PLATFORM_FUNCTION_LABELS, PLATFORM_FUNCTION_PORT, selectorLabels } from '../workload/labels';
import { API_PORT, METRICS_PORT } from './api-environment';
import type { TenantValues } from './tenant-values';

const inNamespace = (name: string): k8s.LabelSelector => ({ matchLabels: { [NAMESPACE_NAME_LABEL]: name } });

/** Private, shared and link-local ranges: public HTTPS egress must not reach the cluster or the metadata server. */
export const NON_PUBLIC_RANGES = ['10.0.0.0/8', '100.64.0.0/10', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16'];

/**
 * Deny everything in the namespace, then allow: the ingress controller to the API port; the API
 * and the migration Job to DNS, Postgres and the platform functions. Nothing else, not even
 * another tenant's namespace. With reCAPTCHA, the API also reaches public HTTPS (Google's verify
 * endpoint has no fixed addresses); with tracing on, the OTLP collector's namespace and port.
 */
export class TenantNetworkPolicies extends Construct {
  constructor(scope: Construct, id: string, values: TenantValues, context: ValuesContext) {
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

    // Prometheus scrapes /metrics on its own port; nothing else reaches that port.
    new k8s.KubeNetworkPolicy(this, 'api-metrics-from-prometheus', {
      metadata: metadata('api-metrics-from-prometheus'),
      spec: {
        podSelector: { matchLabels: objectLabels('api') },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ namespaceSelector: inNamespace(values.monitoring.prometheusNamespace) }],
            ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(METRICS_PORT) }],
          },
        ],
      },
    });

    // The platform's certificates function fetches this tenant's key set (/.well-known/jwks.json).
    new k8s.KubeNetworkPolicy(this, 'api-from-certificates', {
      metadata: metadata('api-from-certificates-function'),
      spec: {
        podSelector: { matchLabels: objectLabels('api') },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ namespaceSelector: inNamespace(networkPolicy.platformNamespace), podSelector: { matchLabels: selectorLabels('certificates') } }],
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

    const { tracing } = values;
    context.when(
      this,
      'tracing.otlpEndpoint',
      tracing.otlpEndpoint !== '',
      () =>
        new k8s.KubeNetworkPolicy(this, 'api-to-otlp-collector', {
          metadata: metadata('api-to-otlp-collector'),
          spec: {
            podSelector: { matchLabels: objectLabels('api') },
            policyTypes: ['Egress'],
            egress: [
              {
                to: [{ namespaceSelector: inNamespace(tracing.collectorNamespace) }],
                ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(tracing.collectorPort) }],
              },
            ],
          },
        }),
    );

    // Google's siteverify and the SMS provider's API: public HTTPS only, never the cluster's own ranges.
    const publicHttpsEgress = (name: string) =>
      new k8s.KubeNetworkPolicy(this, name, {
        metadata: metadata(name),
        spec: {
          podSelector: { matchLabels: objectLabels('api') },
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ ipBlock: { cidr: '0.0.0.0/0', except: NON_PUBLIC_RANGES } }],
              ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(443) }],
            },
          ],
        },
      });
    context.when(this, 'networkPolicy.recaptchaEgress.enabled', networkPolicy.recaptchaEgress.enabled, () => publicHttpsEgress('api-to-recaptcha'));

    context.when(this, 'networkPolicy.smsEgress.enabled', networkPolicy.smsEgress.enabled, () => publicHttpsEgress('api-to-sms-provider'));
  }
}
