import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { ValuesContext } from '../helm/values-context';
import { objectLabels } from '../workload/labels';
import type { TenantValues } from './tenant-values';

/** Queued allocation jobs that mean the allocator has fallen behind (registrations wait longer than ~an hour at 600/min). */
const ALLOCATOR_BACKLOG = 30_000;
const ERROR_RATIO = 0.05;
/** Days before the current DSC lapses: time to get a new one from the CSCA, then time to roll it out. */
const SIGNER_WARNING_DAYS = 60;
const SIGNER_CRITICAL_DAYS = 14;
const DAY_SECONDS = 86_400;

/**
 * Optional Prometheus Operator objects for one tenant's API: a ServiceMonitor on the metrics port
 * (it labels every series with the tenant's slug and whether the pod was ready), the alerts, and
 * a Grafana dashboard the usual sidecar picks up.
 */
export class TenantMonitoring extends Construct {
  constructor(scope: Construct, id: string, values: TenantValues, context: ValuesContext) {
    super(scope, id);
    const { monitoring, tenant } = values;
    const labels = objectLabels('api');
    const tenantFilter = `tenant="${tenant.slug}"`;

    context.when(
      this,
      'monitoring.serviceMonitor.enabled',
      monitoring.serviceMonitor.enabled,
      () =>
        new ApiObject(this, 'service-monitor', {
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'ServiceMonitor',
          metadata: { name: 'api', labels },
          spec: {
            selector: { matchLabels: labels },
            endpoints: [
              {
                port: 'metrics',
                path: '/metrics',
                interval: '30s',
                relabelings: [
                  { action: 'replace', targetLabel: 'tenant', replacement: tenant.slug },
                  { action: 'replace', sourceLabels: ['__meta_kubernetes_endpoint_ready'], targetLabel: 'ready' },
                ],
              },
            ],
          },
        }),
    );

    const rule = (alert: string, expr: string, forDuration: string, severity: string, summary: string) => ({
      alert,
      expr,
      for: forDuration,
      labels: { severity },
      annotations: { summary },
    });
    context.when(
      this,
      'monitoring.prometheusRule.enabled',
      monitoring.prometheusRule.enabled,
      () =>
        new ApiObject(this, 'prometheus-rule', {
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'PrometheusRule',
          metadata: { name: 'api', labels },
          spec: {
            groups: [
              {
                name: 'vaccinate-api',
                rules: [
                  rule('VaccinateApiNotReady', `absent(up{${tenantFilter},ready="true"} == 1)`, '5m', 'critical', 'No API pod of the tenant is ready.'),
                  rule(
                    'VaccinateApiErrorRate',
                    `sum(rate(vaccinate_http_requests_total{${tenantFilter},status=~"5.."}[5m])) / sum(rate(vaccinate_http_requests_total{${tenantFilter}}[5m])) > ${ERROR_RATIO}`,
                    '10m',
                    'critical',
                    'More than 5% of the API answers are server errors.',
                  ),
                  rule(
                    'VaccinateMailDeadLetters',
                    `max(vaccinate_mail_outbox_messages{${tenantFilter},status="dead"}) > 0`,
                    '15m',
                    'warning',
                    'Mails were given up on; replay them from the outbox page.',
                  ),
                  rule(
                    'VaccinateAllocatorDeadLetters',
                    `max(vaccinate_allocator_jobs{${tenantFilter},queue="dead"}) > 0`,
                    '15m',
                    'warning',
                    'Waiting-list allocation jobs are dead letters.',
                  ),
                  rule(
                    'VaccinateAllocatorBacklog',
                    `max(vaccinate_allocator_jobs{${tenantFilter},queue="queued"}) > ${ALLOCATOR_BACKLOG}`,
                    '30m',
                    'warning',
                    'The waiting-list allocator has fallen behind.',
                  ),
                  rule(
                    'VaccinateCertificateSignerExpiring',
                    `min(vaccinate_certificate_signer_not_after_seconds{${tenantFilter},current="true"}) - time() < ${SIGNER_WARNING_DAYS * DAY_SECONDS}`,
                    '1h',
                    'warning',
                    "The current certificate key's DSC lapses within 60 days; renew it (docs/signing-keys.md).",
                  ),
                  rule(
                    'VaccinateCertificateSignerExpiringSoon',
                    `min(vaccinate_certificate_signer_not_after_seconds{${tenantFilter},current="true"}) - time() < ${SIGNER_CRITICAL_DAYS * DAY_SECONDS}`,
                    '1h',
                    'critical',
                    "The current certificate key's DSC lapses within 14 days; after that no certificate is issued and the API does not start.",
                  ),
                ],
              },
            ],
          },
        }),
    );

    context.when(
      this,
      'monitoring.grafanaDashboard.enabled',
      monitoring.grafanaDashboard.enabled,
      () =>
        new ApiObject(this, 'grafana-dashboard', {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'api-dashboard', labels: { ...labels, grafana_dashboard: '1' } },
          data: { 'vaccinate-api.json': JSON.stringify(DASHBOARD) },
        }),
    );
  }
}

// One dashboard for every tenant (same uid in every namespace), with the tenant as a variable.
// No "{{ }}" anywhere: the text passes through Helm's template engine.
const panel = (id: number, title: string, expr: string, unit: string) => ({
  id,
  title,
  type: 'timeseries',
  gridPos: { h: 8, w: 12, x: ((id - 1) % 2) * 12, y: Math.floor((id - 1) / 2) * 8 },
  fieldConfig: { defaults: { unit }, overrides: [] },
  targets: [{ refId: 'A', expr, legendFormat: '__auto' }],
});
const DASHBOARD = {
  uid: 'vaccinate-api',
  title: 'Vaccination center API',
  schemaVersion: 39,
  time: { from: 'now-6h', to: 'now' },
  templating: {
    list: [{ name: 'tenant', type: 'query', query: 'label_values(vaccinate_http_requests_total, tenant)', refresh: 2, includeAll: false }],
  },
  panels: [
    panel(1, 'Requests by route and status', 'sum by (route, status) (rate(vaccinate_http_requests_total{tenant="$tenant"}[5m]))', 'reqps'),
    panel(2, 'Latency p95 by route', 'histogram_quantile(0.95, sum by (route, le) (rate(vaccinate_http_request_duration_seconds_bucket{tenant="$tenant"}[5m])))', 's'),
    panel(3, 'Bookings and refusals', 'sum by (outcome) (rate(vaccinate_bookings_total{tenant="$tenant"}[5m]))', 'ops'),
    panel(4, 'Registrations', 'sum by (outcome) (rate(vaccinate_registrations_total{tenant="$tenant"}[5m]))', 'ops'),
    panel(5, 'Allocator queue and dead letters', 'max by (queue) (vaccinate_allocator_jobs{tenant="$tenant"})', 'short'),
    panel(6, 'Mail outbox', 'max by (status) (vaccinate_mail_outbox_messages{tenant="$tenant"})', 'short'),
    panel(7, 'Database pool', 'sum by (state) (vaccinate_db_pool_connections{tenant="$tenant"})', 'short'),
  ],
};
