import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { scaledService } from '../workload/scaled-service';
import { hardenedPodSpec, imageReference, resourceRequirements } from '../workload/hardening';
import { INGRESS_CONTROLLER_POD_LABELS, NAMESPACE_NAME_LABEL, objectLabels, selectorLabels, TENANT_NAMESPACE_LABEL } from '../workload/labels';
import type { ValuesContext } from '../helm/values-context';
import type { PlatformValues } from './platform-values';

export const CERTIFICATES_PORT = 8080;
/** Port of the Service; each tenant's Ingress routes `/v1/certificates` to it through an ExternalName Service. */
export const CERTIFICATES_SERVICE_PORT = 80;
/** The tenant APIs' container port, where the function fetches each issuer's key set in-cluster. */
export const TENANT_API_PORT = 3000;
/**
 * Keys of the certificates Secret: each Terraform tenant module writes its own
 * CERTIFICATE_ISSUER_<SLUG> key (read through envFrom); the two shared documents remain optional.
 */
export const CERTIFICATES_OPTIONAL_SECRET_VARIABLES = ['CERTIFICATE_SECRETS', 'JWKS_URLS'] as const;

const TMP_VOLUME = { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('64Mi') } };

function fromSecret(secretName: string, names: readonly string[], optional: boolean): k8s.EnvVar[] {
  return names.map((name) => ({
    name,
    valueFrom: { secretKeyRef: { name: secretName, key: name, ...(optional ? { optional: true } : {}) } },
  }));
}

function httpProbe(path: string, periodSeconds: number): k8s.Probe {
  return { httpGet: { path, port: k8s.IntOrString.fromString('http') }, periodSeconds, timeoutSeconds: 2 };
}

/**
 * The certificates function (apps/certificates): stateless, no database; holders' browsers reach it
 * through their tenant's Ingress. It may call only DNS and the tenant APIs (for their key sets).
 */
export class CertificatesFunction extends Construct {
  constructor(scope: Construct, id: string, values: PlatformValues, context: ValuesContext) {
    super(scope, id);
    const { certificates, tracing } = values;
    const otlpEndpoint = context.whenSet(tracing.otlpEndpoint);
    const labels = objectLabels('certificates');

    new k8s.KubeDeployment(this, 'deployment', {
      metadata: { name: 'certificates', labels },
      spec: {
        selector: { matchLabels: selectorLabels('certificates') },
        template: {
          metadata: { labels },
          spec: hardenedPodSpec({
            containers: [
              {
                name: 'certificates',
                image: imageReference(certificates.image),
                imagePullPolicy: 'IfNotPresent',
                args: ['dist/main.js'],
                ports: [{ name: 'http', containerPort: CERTIFICATES_PORT, protocol: 'TCP' }],
                env: [
                  { name: 'NODE_ENV', value: 'production' },
                  { name: 'PORT', value: String(CERTIFICATES_PORT) },
                  { name: 'HOST', value: '0.0.0.0' },
                  { name: 'LOG_LEVEL', value: certificates.logLevel },
                  { name: 'RATE_LIMIT_PER_MINUTE', value: String(certificates.rateLimitPerMinute) },
                  // The ingress controller appends the client address to X-Forwarded-For.
                  { name: 'TRUSTED_PROXY_HOPS', value: '1' },
                  ...(otlpEndpoint === undefined ? [] : [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpoint }]),
                  ...fromSecret(certificates.secretName, CERTIFICATES_OPTIONAL_SECRET_VARIABLES, true),
                ],
                // Every key of the Secret, so a new tenant's CERTIFICATE_ISSUER_<SLUG> needs no chart change.
                envFrom: [{ secretRef: { name: certificates.secretName } }],
                resources: resourceRequirements(certificates.resources),
                livenessProbe: httpProbe('/health/live', 10),
                readinessProbe: httpProbe('/health/ready', 5),
                volumeMounts: [{ name: TMP_VOLUME.name, mountPath: '/tmp' }],
              },
            ],
            volumes: [TMP_VOLUME],
          }),
        },
      },
    });

    scaledService(this, '', 'certificates', certificates.autoscaling, CERTIFICATES_SERVICE_PORT);

    new k8s.KubeNetworkPolicy(this, 'network-policy', {
      metadata: { name: 'certificates', labels: { 'app.kubernetes.io/part-of': 'vaccinate' } },
      spec: {
        podSelector: { matchLabels: selectorLabels('certificates') },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: values.networkPolicy.ingressControllerNamespace } },
                podSelector: { matchLabels: INGRESS_CONTROLLER_POD_LABELS },
              },
            ],
            ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(CERTIFICATES_PORT) }],
          },
        ],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
                podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              },
            ],
            ports: [
              { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) },
              { protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) },
            ],
          },
          {
            to: [
              {
                namespaceSelector: { matchExpressions: [{ key: TENANT_NAMESPACE_LABEL, operator: 'Exists' }] },
                podSelector: { matchLabels: selectorLabels('api') },
              },
            ],
            ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(TENANT_API_PORT) }],
          },
        ],
      },
    });
  }
}
