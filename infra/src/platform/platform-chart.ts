import { goJson } from '../helm/go-json';
import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import type { ValuesContext } from '../helm/values-context';
import { scaledService } from '../workload/scaled-service';
import { hardenedPodSpec, imageReference, resourceRequirements } from '../workload/hardening';
import { INGRESS_CONTROLLER_POD_LABELS, NAMESPACE_NAME_LABEL, objectLabels, selectorLabels } from '../workload/labels';
import { CertificatesFunction } from './certificates-function';
import { toCollectorPolicy } from './collector-policy';
import { MailerFunction } from './mailer-function';
import type { PlatformValues } from './platform-values';

export const WEB_PORT = 8080;
export const TENANT_DIRECTORY_CONFIG_MAP = 'tenant-directory';
/** Where the web server (apps/web/nginx) reads one `<slug>.json` entry per tenant. */
export const TENANT_DIRECTORY_MOUNT = '/etc/vaccinate/tenant-directory';

const DUPLICATE_SLUG = 'tenantDirectory.tenants: a slug appears twice';
// values.schema.json cannot say "slugs are unique"; without the check Helm would print a ConfigMap with a duplicate key.
const DIRECTORY_TEMPLATE = [
  '{{- $slugs := list }}',
  '{{- range $entry := .Values.tenantDirectory.tenants }}',
  `{{- if has $entry.slug $slugs }}{{ fail "${DUPLICATE_SLUG}" }}{{ end }}`,
  '{{- $slugs = append $slugs $entry.slug }}',
  '{{ $entry.slug }}.json: {{ toJson $entry | quote }}',
  '{{- end }}',
].join('\n');

function directoryFiles(tenants: PlatformValues['tenantDirectory']['tenants']): Record<string, string> {
  if (new Set(tenants.map((entry) => entry.slug)).size !== tenants.length) throw new Error(DUPLICATE_SLUG);
  return Object.fromEntries(tenants.map((entry) => [`${entry.slug}.json`, goJson(entry)]));
}

/**
 * The web app for every tenant, the tenant directory, the mailer and the certificates function. No Ingress here: each tenant's chart
 * routes `/` on its own hosts to this Service, so adding a tenant never changes this release.
 */
export class PlatformChart extends Chart {
  constructor(scope: Construct, id: string, context: ValuesContext, concrete: PlatformValues) {
    super(scope, id, { disableResourceNameHashes: true });
    const values = context.values(concrete);
    const { web } = values;

    new k8s.KubeConfigMap(this, 'tenant-directory', {
      metadata: { name: TENANT_DIRECTORY_CONFIG_MAP, labels: { 'app.kubernetes.io/part-of': 'vaccinate' } },
      data: context.rawData('tenantDirectory.tenants', () => directoryFiles(concrete.tenantDirectory.tenants), DIRECTORY_TEMPLATE),
    });

    new k8s.KubeDeployment(this, 'web-deployment', {
      metadata: { name: 'web', labels: objectLabels('web') },
      spec: {
        selector: { matchLabels: selectorLabels('web') },
        template: {
          metadata: { labels: objectLabels('web') },
          spec: hardenedPodSpec({
            containers: [
              {
                name: 'web',
                image: imageReference(web.image),
                imagePullPolicy: 'IfNotPresent',
                ports: [{ name: 'http', containerPort: WEB_PORT, protocol: 'TCP' }],
                resources: resourceRequirements(web.resources),
                livenessProbe: { httpGet: { path: '/healthz', port: k8s.IntOrString.fromString('http') }, periodSeconds: 10 },
                readinessProbe: { httpGet: { path: '/healthz', port: k8s.IntOrString.fromString('http') }, periodSeconds: 5 },
                volumeMounts: [
                  { name: 'tmp', mountPath: '/tmp' },
                  { name: 'tenant-directory', mountPath: TENANT_DIRECTORY_MOUNT, readOnly: true },
                ],
              },
            ],
            volumes: [
              { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('64Mi') } },
              { name: 'tenant-directory', configMap: { name: TENANT_DIRECTORY_CONFIG_MAP } },
            ],
          }),
        },
      },
    });

    scaledService(this, 'web-', 'web', web.autoscaling, 80);

    const labels = { 'app.kubernetes.io/part-of': 'vaccinate' };
    new k8s.KubeNetworkPolicy(this, 'default-deny', {
      metadata: { name: 'default-deny', labels },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    new k8s.KubeNetworkPolicy(this, 'web-from-ingress', {
      metadata: { name: 'web-from-ingress-controller', labels },
      spec: {
        podSelector: { matchLabels: selectorLabels('web') },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: values.networkPolicy.ingressControllerNamespace } },
                podSelector: { matchLabels: INGRESS_CONTROLLER_POD_LABELS },
              },
            ],
            ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(WEB_PORT) }],
          },
        ],
      },
    });

    context.when(this, 'mailer.enabled', values.mailer.enabled, () => new MailerFunction(this, 'mailer', values, context));
    // Beside the mailer, not inside it: one condition per object (a policy selecting no pod is inert).
    context.when(this, 'tracing.otlpEndpoint', values.tracing.otlpEndpoint !== '', () => toCollectorPolicy(this, values, 'mailer'));
    context.when(this, 'certificates.enabled', values.certificates.enabled, () => new CertificatesFunction(this, 'certificates', values, context));
    context.when(this, 'tracing.otlpEndpoint', values.tracing.otlpEndpoint !== '', () => toCollectorPolicy(this, values, 'certificates'));
  }
}
