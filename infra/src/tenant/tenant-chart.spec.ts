import { API_ENVIRONMENT_VARIABLES, apiEnvironment, generateTenantSecrets } from '@vaccinate/tenant-provisioning';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { tenantChart } from '../charts';
import { promtoolTestRules } from '../kubernetes/promtool';
import { PLATFORM_FUNCTION_PORT } from '../workload/labels';
import { find, helmRender, type Manifest } from '../testing/manifests';
import { tenantCiValues, tenantExample, type TenantValues } from './tenant-values';

const oidc = { issuer: 'https://id.acme.example', clientId: 'vacc', rolesClaim: 'groups', roleMap: 'g:admin' };
const branding = { ...tenantExample.tenant.branding, logoUrl: 'https://acme.example/logo.svg' };
const tracing = { otlpEndpoint: 'http://otel-collector.observability.svc.cluster.local:4318', collectorNamespace: 'observability', collectorPort: 4318 };
const schedulingLinks = { enabled: true, state: 'BE' };
const vaccinatorOnCertificate = { enabled: true };
// The log provider with a sender and host set: every SMS variable, and no egress policy among those below.
const sms = { provider: 'log', from: '+4930555000', baseUrl: 'https://api.twilio.com' };
const everyVariable = {
  ...tenantExample,
  tenant: { ...tenantExample.tenant, branding, vaccinatorOnCertificate },
  oidc,
  tracing,
  schedulingLinks,
  sms,
} satisfies TenantValues;
const manifests = helmRender(tenantChart, everyVariable);
const deployment = find(manifests, 'Deployment', 'api');
const job = find(manifests, 'Job', 'api-migrate');
type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string; optional?: boolean } } };
const envOf = (container: Manifest): EnvVar[] => container['env'] as EnvVar[];

describe('the API environment', () => {
  const serverVariables = API_ENVIRONMENT_VARIABLES.filter((variable) => !variable.bootstrapOnly);

  it('gives the API server exactly the variables the launcher knows, secrets from the Secret', () => {
    const env = envOf(deployment['spec'].template.spec.containers[0]);
    expect(env.map((v) => v.name).sort()).toEqual(serverVariables.map((v) => v.name).sort());
    for (const variable of serverVariables) {
      const entry = env.find((v) => v.name === variable.name);
      // A required secret must never be optional: the pod would start without it.
      const optional = variable.required ? {} : { optional: true };
      if (variable.secret) expect(entry?.valueFrom?.secretKeyRef, variable.name).toEqual({ name: 'api-secrets', key: variable.name, ...optional });
      else expect(entry?.value, variable.name).toEqual(expect.any(String));
    }
  });

  it('publishes the slot feed only when the tenant opts in', () => {
    const env = Object.fromEntries(envOf(deployment['spec'].template.spec.containers[0]).map((v) => [v.name, v.value]));
    expect(env).toMatchObject({ SCHEDULING_LINKS: 'on', SCHEDULING_LINKS_STATE: 'BE' });
    const byDefault = Object.fromEntries(
      envOf(find(helmRender(tenantChart, tenantExample), 'Deployment', 'api')['spec'].template.spec.containers[0]).map((v) => [v.name, v.value]),
    );
    expect(byDefault['SCHEDULING_LINKS']).toBe('off');
    expect(byDefault).not.toHaveProperty('SCHEDULING_LINKS_STATE');
  });

  it('names the vaccinating doctor on certificates only when the tenant opts in', () => {
    const env = Object.fromEntries(envOf(deployment['spec'].template.spec.containers[0]).map((v) => [v.name, v.value]));
    expect(env['CERTIFICATE_VACCINATOR_NAME']).toBe('on');
    const byDefault = Object.fromEntries(
      envOf(find(helmRender(tenantChart, tenantExample), 'Deployment', 'api')['spec'].template.spec.containers[0]).map((v) => [v.name, v.value]),
    );
    expect(byDefault['CERTIFICATE_VACCINATOR_NAME']).toBe('off');
  });

  it('renders the tenant, branding, mailer and captcha values the API reads', () => {
    const env = Object.fromEntries(envOf(deployment['spec'].template.spec.containers[0]).map((v) => [v.name, v.value]));
    expect(env).toMatchObject({
      TIME_ZONE: 'Europe/Berlin',
      DEFAULT_LOCALE: 'en',
      TENANT_DISPLAY_NAME: 'ACME Corporation',
      BRAND_PRIMARY_COLOR: '#0b5fff',
      BRAND_ACCENT_COLOR: '#ffb000',
      BRAND_LOGO_URL: 'https://acme.example/logo.svg',
      MAILER_URL: 'http://mailer.vaccinate-platform.svc.cluster.local:8080',
      CAPTCHA_PROVIDER: 'altcha',
      CAPTCHA_MAX_NUMBER: '50000',
      RECAPTCHA_MIN_SCORE: '0.5',
    });
  });

  it('renders the mail delivery retry delay and job timeout, defaults and values given', () => {
    const valuesOf = (rendered: Manifest[]) =>
      Object.fromEntries(envOf(find(rendered, 'Deployment', 'api')['spec'].template.spec.containers[0]).map((v) => [v.name, v.value]));
    expect(valuesOf(manifests)).toMatchObject({ MAIL_RETRY_DELAY_SECONDS: '30', MAIL_JOB_TIMEOUT_SECONDS: '60' });
    const given = helmRender(tenantChart, tenantCiValues['every-option'] as TenantValues);
    expect(valuesOf(given)).toMatchObject({ MAIL_RETRY_DELAY_SECONDS: '45', MAIL_JOB_TIMEOUT_SECONDS: '120' });
  });

  it("defaults the mailer URL to the platform chart's mailer Service", () => {
    const { networkPolicy, mailer } = tenantChart.defaults;
    expect(mailer.url).toBe(`http://mailer.${networkPolicy.platformNamespace}.svc.cluster.local:${PLATFORM_FUNCTION_PORT}`);
  });

  it('sets every variable the local launcher sets (the launcher may only add bootstrap ones)', async () => {
    const launcher = apiEnvironment({
      slug: 'acme',
      publicUrl: 'http://acme.localhost:8080',
      databaseUrl: 'postgres://x',
      secrets: await generateTenantSecrets(),
      port: 3101,
      initialAdminEmail: 'a@acme.example',
    });
    const chartNames = new Set(envOf(job['spec'].template.spec.containers[0]).map((v) => v.name));
    expect(Object.keys(launcher).filter((name) => !chartNames.has(name))).toEqual([]);
  });

  it('gives both migration steps every variable, including the bootstrap ones', () => {
    const pod = job['spec'].template.spec;
    expect(pod.initContainers.map((c: Manifest) => c['args'])).toEqual([['dist/cli.js', 'migrate']]);
    expect(pod.containers.map((c: Manifest) => c['args'])).toEqual([['dist/cli.js', 'bootstrap-admin']]);
    for (const container of [...pod.initContainers, ...pod.containers]) {
      expect(
        envOf(container)
          .map((v) => v.name)
          .sort(),
      ).toEqual(API_ENVIRONMENT_VARIABLES.map((v) => v.name).sort());
      for (const variable of API_ENVIRONMENT_VARIABLES.filter((v) => v.secret)) {
        const entry = envOf(container).find((v) => v.name === variable.name);
        expect(entry?.valueFrom?.secretKeyRef.optional, variable.name).toBe(variable.required || variable.bootstrapOnly ? undefined : true);
      }
    }
    expect(job['metadata'].annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade');
  });
});

describe('network policies', () => {
  const policies = manifests.filter((m) => m['kind'] === 'NetworkPolicy');

  it('denies all traffic in the namespace unless a policy allows it', () => {
    const deny = find(manifests, 'NetworkPolicy', 'default-deny');
    expect(deny['spec']).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  it('lets only the ingress controller and the certificates function (for the key set) reach the API, on its port', () => {
    expect(policies.flatMap((p) => (p['spec'].ingress ?? []) as Manifest[]).length).toBe(3);
    const ingressRules = ['api-from-ingress-controller', 'api-from-certificates-function'].flatMap(
      (name) => find(manifests, 'NetworkPolicy', name)['spec'].ingress as Manifest[],
    );
    expect(ingressRules).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
          },
        ],
        ports: [{ protocol: 'TCP', port: 3000 }],
      },
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'vaccinate-platform' } },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'vaccinate-certificates', 'app.kubernetes.io/component': 'certificates' } },
          },
        ],
        ports: [{ protocol: 'TCP', port: 3000 }],
      },
    ]);
  });

  it('lets only the Prometheus namespace reach the metrics port, which the Ingress never routes to', () => {
    const policy = find(manifests, 'NetworkPolicy', 'api-metrics-from-prometheus')['spec'];
    expect(policy.ingress).toEqual([
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9464 }] },
    ]);
    const container = find(manifests, 'Deployment', 'api')['spec'].template.spec.containers[0];
    expect(container.ports).toContainEqual({ name: 'metrics', containerPort: 9464, protocol: 'TCP' });
    expect(container.env).toContainEqual({ name: 'METRICS_PORT', value: '9464' });
    expect(find(manifests, 'Service', 'api')['spec'].ports.map((p: Manifest) => p['name'])).toEqual(['http', 'metrics']);
    const backends = find(manifests, 'Ingress', 'api')['spec'].rules.flatMap((r: Manifest) => r['http'].paths.map((p: Manifest) => p['backend'].service.port));
    expect(backends.every((port: Manifest) => port['number'] !== 9464 && port['name'] !== 'metrics')).toBe(true);
  });

  it('lets the API and the migration reach only DNS, Postgres and the platform functions', () => {
    const egress = find(manifests, 'NetworkPolicy', 'api-egress');
    expect(egress['spec'].podSelector.matchExpressions[0].values).toEqual(['api', 'migration']);
    const rules = egress['spec'].egress as Manifest[];
    for (const rule of rules) {
      expect(rule['to']?.length, 'an egress rule without "to" allows every destination').toBeGreaterThan(0);
      expect(rule['ports']?.length, 'an egress rule without ports allows every port').toBeGreaterThan(0);
    }
    expect(rules.map((rule) => rule['to'][0])).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
      { ipBlock: { cidr: '10.20.0.0/24' } },
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'vaccinate-platform' } },
        podSelector: { matchLabels: { 'vaccinate.io/platform-function': 'true' } },
      },
    ]);
    // The fourth: the OTLP collector, since these values turn tracing on (see below).
    expect(policies.flatMap((p) => p['spec'].egress ?? []).length).toBe(4);
  });
});

describe('reCAPTCHA egress', () => {
  it('lets only the API pods reach public HTTPS, and only when enabled', () => {
    const recaptcha: TenantValues = {
      ...tenantExample,
      captcha: { ...tenantExample.captcha, provider: 'recaptcha' },
      networkPolicy: { ...tenantExample.networkPolicy, recaptchaEgress: { enabled: true } },
    };
    const policy = find(helmRender(tenantChart, recaptcha), 'NetworkPolicy', 'api-to-recaptcha');
    expect(policy['spec']).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'vaccinate-api', 'app.kubernetes.io/component': 'api', 'app.kubernetes.io/part-of': 'vaccinate' } },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '100.64.0.0/10', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16'] } }],
          ports: [{ protocol: 'TCP', port: 443 }],
        },
      ],
    });
    expect(() => find(manifests, 'NetworkPolicy', 'api-to-recaptcha')).toThrow();
  });
});

describe('trace egress', () => {
  it("lets only the API pods reach the collector's namespace and port, and only with tracing on", () => {
    const policy = find(manifests, 'NetworkPolicy', 'api-to-otlp-collector');
    expect(policy['spec']).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'vaccinate-api', 'app.kubernetes.io/component': 'api', 'app.kubernetes.io/part-of': 'vaccinate' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } } }], ports: [{ protocol: 'TCP', port: 4318 }] }],
    });
    const untraced = helmRender(tenantChart, tenantExample);
    expect(() => find(untraced, 'NetworkPolicy', 'api-to-otlp-collector')).toThrow();
    expect(envOf(find(untraced, 'Deployment', 'api')['spec'].template.spec.containers[0]).map((v) => v.name)).not.toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
  });
});

describe('routing', () => {
  it('refuses at the ingress a body larger than the API reads (64 KiB)', () => {
    expect(find(manifests, 'Ingress', 'api')['metadata'].annotations).toEqual({ 'nginx.ingress.kubernetes.io/proxy-body-size': '64k' });
  });

  it("routes /api to the tenant's API and / to the platform's web Service on every tenant host", () => {
    const ingress = find(manifests, 'Ingress', 'api');
    expect(ingress['spec'].rules.map((rule: Manifest) => rule['host'])).toEqual(tenantExample.ingress.hosts);
    for (const rule of ingress['spec'].rules as Manifest[]) {
      expect(rule['http'].paths.map((p: Manifest) => [p['path'], p['backend'].service.name])).toEqual([
        ['/api', 'api'],
        ['/.well-known/jwks.json', 'api'],
        ['/.well-known/crl', 'api'],
        ['/v1/certificates', 'certificates'],
        ['/', 'web'],
      ]);
    }
    expect(find(manifests, 'Service', 'certificates')['spec']).toMatchObject({
      type: 'ExternalName',
      externalName: 'certificates.vaccinate-platform.svc.cluster.local',
    });
    expect(find(manifests, 'Service', 'web')['spec']).toMatchObject({
      type: 'ExternalName',
      externalName: 'web.vaccinate-platform.svc.cluster.local',
    });
  });
});

/** Positions where Prometheus's own PromQL grammar (@prometheus-io/lezer-promql) finds a syntax error. */
function promqlErrors(expr: string): number[] {
  const errors: number[] = [];
  promqlParser.parse(expr).iterate({ enter: (node) => void (node.type.isError && errors.push(node.from)) });
  return errors;
}

describe('monitoring (Prometheus Operator and Grafana)', () => {
  const everything = helmRender(tenantChart, tenantCiValues['every-option'] as TenantValues);

  it('scrapes the metrics port of the api Service, labelled with the tenant', () => {
    const monitor = find(everything, 'ServiceMonitor', 'api')['spec'];
    const service = find(everything, 'Service', 'api');
    expect(Object.entries(monitor.selector.matchLabels).every(([k, v]) => service['metadata'].labels[k] === v)).toBe(true);
    expect(service['spec'].ports.map((p: Manifest) => p['name'])).toContain(monitor.endpoints[0].port);
    expect(monitor.endpoints[0].relabelings[0]).toEqual({ action: 'replace', targetLabel: 'tenant', replacement: 'acme' });
    expect(find(everything, 'NetworkPolicy', 'api-metrics-from-prometheus')['spec'].ingress[0].from[0].namespaceSelector.matchLabels).toEqual({
      'kubernetes.io/metadata.name': 'observability',
    });
  });

  it("alerts on this tenant's dead letters, allocator backlog, 5xx rate, readiness and lapsing DSC only", () => {
    const rules = find(everything, 'PrometheusRule', 'api')['spec'].groups[0].rules as Manifest[];
    expect(rules.map((r) => r['alert'])).toEqual([
      'VaccinateApiNotReady',
      'VaccinateApiErrorRate',
      'VaccinateMailDeadLetters',
      'VaccinateAllocatorDeadLetters',
      'VaccinateAllocatorBacklog',
      'VaccinateCertificateSignerExpiring',
      'VaccinateCertificateSignerExpiringSoon',
    ]);
    for (const rule of rules) {
      expect(promqlErrors(rule['expr']), rule['alert']).toEqual([]);
      const selectors = [...String(rule['expr']).matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
      expect(selectors.length, rule['alert']).toBeGreaterThan(0);
      for (const selector of selectors) expect(selector, rule['alert']).toContain('tenant="acme"');
    }
  });

  it("warns 60 days and alarms 14 days before the current DSC lapses, for this tenant's current key only (promtool test rules)", () => {
    const rule = find(everything, 'PrometheusRule', 'api');
    const summaryOf = (alert: string) => (rule['spec'].groups[0].rules as Manifest[]).find((r) => r['alert'] === alert)?.['annotations'].summary as string;
    const day = 86_400;
    // promtool's clock starts at 0: the current DSC lapses on day 61; a retired one and another tenant's lapse on day 1.
    // Hourly samples and hourly evaluations over 62.5 days: each evaluation sees the sample of its hour.
    const lapses = (days: number) => `${days * day}+0x1500`;
    const alerts = (alertname: string, ...evalDays: [number, boolean][]) =>
      evalDays.map(([days, firing]) => ({
        eval_time: `${days * 24}h`,
        alertname,
        exp_alerts: firing ? [{ exp_labels: { severity: alertname.endsWith('Soon') ? 'critical' : 'warning' }, exp_annotations: { summary: summaryOf(alertname) } }] : [],
      }));
    const output = promtoolTestRules(
      rule,
      [
        {
          interval: '1h',
          input_series: [
            { series: 'vaccinate_certificate_signer_not_after_seconds{tenant="acme",key="v2",current="true"}', values: lapses(61) },
            { series: 'vaccinate_certificate_signer_not_after_seconds{tenant="acme",key="v1",current="false"}', values: lapses(1) },
            { series: 'vaccinate_certificate_signer_not_after_seconds{tenant="other",key="v1",current="true"}', values: lapses(1) },
          ],
          alert_rule_test: [
            ...alerts('VaccinateCertificateSignerExpiring', [0.5, false], [1, false], [2, true], [50, true], [62, true]),
            ...alerts('VaccinateCertificateSignerExpiringSoon', [2, false], [47, false], [48, true], [62, true]),
          ],
        },
      ],
      '1h',
    );
    expect(output).toContain('SUCCESS');
  });

  it('ships a dashboard the Grafana sidecar loads, with a tenant variable', () => {
    const dashboard = find(everything, 'ConfigMap', 'api-dashboard');
    expect(dashboard['metadata'].labels['grafana_dashboard']).toBe('1');
    const json = JSON.parse(dashboard['data']['vaccinate-api.json']) as { uid: string; panels: { targets: { expr: string }[] }[] };
    expect(json.uid).toBe('vaccinate-api');
    for (const panel of json.panels) expect(promqlErrors((panel.targets[0]?.expr ?? '').replace(/\$tenant/g, 'acme'))).toEqual([]);
    expect(promqlErrors('sum(rate(x[5m]) >'), 'the grammar notices a broken expression').not.toEqual([]);
    for (const panel of json.panels) expect(panel.targets[0]?.expr).toMatch(/^[a-z_(]+.*vaccinate_[a-z_]+\{tenant="\$tenant"\}/);
  });

  it('renders none of them by default', () => {
    expect(manifests.filter((m) => ['ServiceMonitor', 'PrometheusRule'].includes(m['kind']) || m['metadata'].name === 'api-dashboard')).toEqual([]);
  });
});
