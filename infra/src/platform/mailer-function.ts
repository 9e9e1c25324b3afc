import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { scaledService } from '../workload/scaled-service';
import { hardenedPodSpec, imageReference, resourceRequirements } from '../workload/hardening';
import { NAMESPACE_NAME_LABEL, objectLabels, PLATFORM_FUNCTION_LABELS, PLATFORM_FUNCTION_PORT, selectorLabels, TENANT_NAMESPACE_LABEL } from '../workload/labels';
import type { ValuesContext } from '../helm/values-context';
import type { PlatformValues } from './platform-values';

export const MAILER_PORT = PLATFORM_FUNCTION_PORT;
/** Submission (STARTTLS), SMTPS and the HTTPS APIs of Mailjet and the like; never port 25. */
export const MAIL_PROVIDER_PORTS = [587, 465, 443];
/** Keys of the platform's mailer Secret (created by Terraform); the key is the variable's name. */
export const MAILER_SECRET_VARIABLES = ['MAILER_API_KEY'] as const;
/** Only one provider's credentials exist: SMTP_URL for smtp, the Mailjet pair for mailjet. */
export const MAILER_OPTIONAL_SECRET_VARIABLES = ['SMTP_URL', 'MAILJET_API_KEY', 'MAILJET_API_SECRET'] as const;

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
 * The mailer function (apps/mailer): stateless, so it scales on CPU like the web app. Only tenant
 * APIs may call it; it may call only DNS and the mail provider.
 */
export class MailerFunction extends Construct {
  constructor(scope: Construct, id: string, values: PlatformValues, context: ValuesContext) {
    super(scope, id);
    const { mailer, tracing } = values;
    const otlpEndpoint = context.whenSet(tracing.otlpEndpoint);
    const labels = objectLabels('mailer');

    new k8s.KubeDeployment(this, 'deployment', {
      metadata: { name: 'mailer', labels },
      spec: {
        selector: { matchLabels: selectorLabels('mailer') },
        template: {
          // The platform-function label is what a tenant's egress policy lets its API reach.
          metadata: { labels: { ...labels, ...PLATFORM_FUNCTION_LABELS } },
          spec: hardenedPodSpec({
            containers: [
              {
                name: 'mailer',
                image: imageReference(mailer.image),
                imagePullPolicy: 'IfNotPresent',
                args: ['dist/main.js'],
                ports: [{ name: 'http', containerPort: MAILER_PORT, protocol: 'TCP' }],
                env: [
                  { name: 'NODE_ENV', value: 'production' },
                  { name: 'PORT', value: String(MAILER_PORT) },
                  { name: 'HOST', value: '0.0.0.0' },
                  { name: 'LOG_LEVEL', value: mailer.logLevel },
                  { name: 'MAIL_PROVIDER', value: mailer.provider },
                  { name: 'MAIL_FROM', value: mailer.from },
                  ...(otlpEndpoint === undefined ? [] : [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpoint }]),
                  ...fromSecret(mailer.secretName, MAILER_SECRET_VARIABLES, false),
                  ...fromSecret(mailer.secretName, MAILER_OPTIONAL_SECRET_VARIABLES, true),
                ],
                resources: resourceRequirements(mailer.resources),
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

    scaledService(this, '', 'mailer', mailer.autoscaling, MAILER_PORT);

    new k8s.KubeNetworkPolicy(this, 'network-policy', {
      metadata: { name: 'mailer', labels: { 'app.kubernetes.io/part-of': 'vaccinate' } },
      spec: {
        podSelector: { matchLabels: selectorLabels('mailer') },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchExpressions: [{ key: TENANT_NAMESPACE_LABEL, operator: 'Exists' }] },
                podSelector: { matchLabels: selectorLabels('api') },
              },
            ],
            ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(MAILER_PORT) }],
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
            to: [{ ipBlock: { cidr: mailer.providerCidr } }],
            ports: MAIL_PROVIDER_PORTS.map((port) => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) })),
          },
        ],
      },
    });
  }
}
