import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import type { ValuesContext } from '../helm/values-context';
import { scaledService } from '../workload/scaled-service';
import { hardenedPodSpec, imageReference, resourceRequirements } from '../workload/hardening';
import { objectLabels, selectorLabels, TENANT_NAMESPACE_LABEL } from '../workload/labels';
import { API_PORT, apiEnvironment, METRICS_PORT } from './api-environment';
import { MigrationJob } from './migration-job';
import { TenantMonitoring } from './tenant-monitoring';
import { TenantNetworkPolicies } from './tenant-network-policies';
import type { TenantValues } from './tenant-values';

export const API_SERVICE_PORT = 80;
export const WEB_SERVICE_PORT = 80;
/** The platform's certificates Service port (infra/src/platform/certificates-function.ts). */
export const CERTIFICATES_SERVICE_PORT = 80;
const TMP_VOLUME = { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('64Mi') } };
/** The largest body the API and the certificates function read (64 KiB, their Fastify `bodyLimit`), in nginx's notation. */
export const INGRESS_BODY_LIMIT = '64k';

/** One tenant: its API, autoscaling, disruption budget, Service, Ingress, network policies and migrations. */
export class TenantChart extends Chart {
  constructor(scope: Construct, id: string, context: ValuesContext, concrete: TenantValues) {
    super(scope, id, { disableResourceNameHashes: true });
    const values = context.values(concrete);
    const { api } = values;

    context.when(
      this,
      'namespace.enabled',
      values.namespace.enabled,
      () =>
        new k8s.KubeNamespace(this, 'namespace', {
          metadata: {
            name: values.namespace.name,
            labels: {
              'app.kubernetes.io/part-of': 'vaccinate',
              [TENANT_NAMESPACE_LABEL]: values.tenant.slug,
              'pod-security.kubernetes.io/enforce': 'restricted',
              'pod-security.kubernetes.io/audit': 'restricted',
              'pod-security.kubernetes.io/warn': 'restricted',
            },
          },
        }),
    );

    new k8s.KubeDeployment(this, 'api-deployment', {
      metadata: { name: 'api', labels: objectLabels('api') },
      spec: {
        // No replicas: the HorizontalPodAutoscaler owns the count, an upgrade must not reset it.
        selector: { matchLabels: selectorLabels('api') },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: k8s.IntOrString.fromNumber(1), maxUnavailable: k8s.IntOrString.fromNumber(0) },
        },
        template: {
          metadata: { labels: objectLabels('api') },
          spec: hardenedPodSpec({
            terminationGracePeriodSeconds: 30,
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'topology.kubernetes.io/zone',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: selectorLabels('api') },
              },
            ],
            containers: [
              {
                name: 'api',
                image: imageReference(api.image),
                imagePullPolicy: 'IfNotPresent',
                args: ['dist/main.js'],
                ports: [
                  { name: 'http', containerPort: API_PORT, protocol: 'TCP' },
                  { name: 'metrics', containerPort: METRICS_PORT, protocol: 'TCP' },
                ],
                env: apiEnvironment(values, context),
                resources: resourceRequirements(api.resources),
                startupProbe: httpProbe('/api/health/live', { periodSeconds: 2, failureThreshold: 30 }),
                livenessProbe: httpProbe('/api/health/live', { periodSeconds: 10, failureThreshold: 3 }),
                readinessProbe: httpProbe('/api/health/ready', { periodSeconds: 5, failureThreshold: 2 }),
                volumeMounts: [{ name: TMP_VOLUME.name, mountPath: '/tmp' }],
              },
            ],
            volumes: [TMP_VOLUME],
          }),
        },
      },
    });

    scaledService(this, 'api-', 'api', api.autoscaling, API_SERVICE_PORT, [{ name: 'metrics', port: METRICS_PORT }]);

    // The web app runs once, in the platform namespace; an ExternalName Service lets this tenant's
    // Ingress route `/` there, so each tenant release owns every route of its own hosts.
    new k8s.KubeService(this, 'web-service', {
      metadata: { name: 'web', labels: objectLabels('web') },
      spec: {
        type: 'ExternalName',
        externalName: `web.${values.networkPolicy.platformNamespace}.svc.cluster.local`,
        ports: [{ name: 'http', port: WEB_SERVICE_PORT, protocol: 'TCP' }],
      },
    });

    // Likewise the certificates function: a holder's browser asks it on the tenant's own host.
    new k8s.KubeService(this, 'certificates-service', {
      metadata: { name: 'certificates', labels: objectLabels('certificates') },
      spec: {
        type: 'ExternalName',
        externalName: `certificates.${values.networkPolicy.platformNamespace}.svc.cluster.local`,
        ports: [{ name: 'http', port: CERTIFICATES_SERVICE_PORT, protocol: 'TCP' }],
      },
    });

    const backend = { service: { name: 'api', port: { number: API_SERVICE_PORT } } };
    const certificates = { service: { name: 'certificates', port: { number: CERTIFICATES_SERVICE_PORT } } };
    const web = { service: { name: 'web', port: { number: WEB_SERVICE_PORT } } };
    new k8s.KubeIngress(this, 'api-ingress', {
      metadata: {
        name: 'api',
        labels: objectLabels('api'),
        // ingress-nginx's default (1m) is above what the API and the certificates function read: a body
        // between the two would reach a service that refuses it mid-upload, and its 413 can be lost in the reset.
        annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': INGRESS_BODY_LIMIT },
      },
      spec: {
        ingressClassName: values.ingress.className,
        tls: [{ hosts: values.ingress.hosts, secretName: context.entryWhenSet(values.ingress.tlsSecretName) }],
        rules: values.ingress.hosts.map((host) => ({
          host,
          http: {
            paths: [
              { path: '/api', pathType: 'Prefix', backend },
              { path: '/.well-known/jwks.json', pathType: 'Exact', backend },
              { path: '/.well-known/crl', pathType: 'Prefix', backend },
              { path: '/v1/certificates', pathType: 'Prefix', backend: certificates },
              { path: '/', pathType: 'Prefix', backend: web },
            ],
          },
        })),
      },
    });

    new TenantNetworkPolicies(this, 'network-policies', values, context);
    new MigrationJob(this, 'migration', values, context);
    new TenantMonitoring(this, 'monitoring', values, context);
  }
}

function httpProbe(path: string, timing: { periodSeconds: number; failureThreshold: number }): k8s.Probe {
  return { httpGet: { path, port: k8s.IntOrString.fromString('http') }, timeoutSeconds: 2, ...timing };
}
