import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { platformChart, tenantChart, type ChartDefinition } from '../charts';
import { platformExample } from '../platform/platform-values';
import { tenantExample, type TenantValues } from '../tenant/tenant-values';
import { synthesize, type Manifest } from '../testing/manifests';
import { renderTemplate } from './render-template';

const chartsDir = resolve(__dirname, '..', '..', '..', 'charts');

/** What `helm template` would print for the committed chart, as objects keyed by kind/name. */
function renderCommitted(name: string, values: object): Map<string, Manifest> {
  const templatesDir = join(chartsDir, name, 'templates');
  const rendered = new Map<string, Manifest>();
  for (const file of readdirSync(templatesDir).sort()) {
    const text = renderTemplate(readFileSync(join(templatesDir, file), 'utf8'), values);
    for (const document of parseAllDocuments(text)) {
      const manifest = document.toJS() as Manifest | null;
      if (manifest) rendered.set(`${manifest['kind']}/${manifest['metadata'].name}`, manifest);
    }
  }
  return rendered;
}

function byKey(manifests: Manifest[]): Map<string, Manifest> {
  return new Map(manifests.map((m) => [`${m['kind']}/${m['metadata'].name}`, m]));
}

const tenantVariants: [string, TenantValues][] = [
  ['example', tenantExample],
  [
    'every option set',
    {
      ...tenantExample,
      namespace: { enabled: true, name: 'tenant-acme' },
      ingress: { ...tenantExample.ingress, tlsSecretName: 'acme-tls', hosts: ['a.example.org', 'b.example.org', 'c.example.org'] },
      oidc: { issuer: 'https://id.acme.example', clientId: 'vacc', rolesClaim: 'groups', roleMap: 'g1:admin' },
      tenant: { ...tenantExample.tenant, branding: { ...tenantExample.tenant.branding, logoUrl: 'https://acme.example/logo.svg' } },
      captcha: { ...tenantExample.captcha, provider: 'recaptcha', maxNumber: 120_000, recaptchaMinScore: 0.7 },
      networkPolicy: { ...tenantExample.networkPolicy, recaptchaEgress: { enabled: true } },
      api: { ...tenantExample.api, databasePoolMax: 25, autoscaling: { minReplicas: 3, maxReplicas: 12, targetCpuUtilization: 60 } },
    },
  ],
];

function schemaValidator<V extends object>(definition: ChartDefinition<V>) {
  const schema = JSON.parse(readFileSync(join(chartsDir, definition.name, 'values.schema.json'), 'utf8')) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('the committed tenant chart', () => {
  it.each(tenantVariants)('renders with %s values exactly what the cdk8s chart synthesizes', (_, values) => {
    expect(renderCommitted('tenant', values)).toEqual(byKey(synthesize(tenantChart, values)));
  });

  it('leaves the optional Namespace, TLS secret, OIDC, display name, logo and mailer variables out when they are not set', () => {
    const unset = { ...tenantExample, tenant: { ...tenantExample.tenant, displayName: '' }, mailer: { url: '' } };
    const rendered = renderCommitted('tenant', unset);
    expect([...rendered.keys()].some((key) => key.startsWith('Namespace/'))).toBe(false);
    expect(rendered.get('Ingress/api')?.['spec'].tls).toEqual([{ hosts: tenantExample.ingress.hosts }]);
    const env = rendered.get('Deployment/api')?.['spec'].template.spec.containers[0].env as { name: string }[];
    for (const name of ['OIDC_ISSUER', 'TENANT_DISPLAY_NAME', 'BRAND_LOGO_URL', 'MAILER_URL']) {
      expect(env.map((variable) => variable.name)).not.toContain(name);
    }
  });

  it('accepts the example values and values.yaml once the required values are given', () => {
    const validate = schemaValidator(tenantChart);
    expect(validate(tenantExample), JSON.stringify(validate.errors)).toBe(true);
    for (const [, values] of tenantVariants) expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    const defaults = parse(readFileSync(join(chartsDir, 'tenant', 'values.yaml'), 'utf8')) as TenantValues;
    expect(validate(defaults)).toBe(false);
    expect(validate({ ...defaults, tenant: tenantExample.tenant, ingress: tenantExample.ingress, api: tenantExample.api, bootstrap: tenantExample.bootstrap, networkPolicy: tenantExample.networkPolicy })).toBe(true);
  });

  it('refuses a bad slug, an unpinned-looking tag typo, a missing host and an unknown key', () => {
    const validate = schemaValidator(tenantChart);
    expect(validate({ ...tenantExample, tenant: { ...tenantExample.tenant, slug: 'Acme Corp' } })).toBe(false);
    expect(validate({ ...tenantExample, api: { ...tenantExample.api, image: { ...tenantExample.api.image, tag: '1.0@sha256:xyz' } } })).toBe(false);
    expect(validate({ ...tenantExample, ingress: { ...tenantExample.ingress, hosts: [] } })).toBe(false);
    expect(validate({ ...tenantExample, replicas: 3 })).toBe(false);
  });

  it('refuses reCAPTCHA without the egress it needs, a short color and a relative logo URL', () => {
    const validate = schemaValidator(tenantChart);
    expect(validate({ ...tenantExample, captcha: { ...tenantExample.captcha, provider: 'recaptcha' } })).toBe(false);
    const branding = tenantExample.tenant.branding;
    expect(validate({ ...tenantExample, tenant: { ...tenantExample.tenant, branding: { ...branding, primaryColor: '#fff' } } })).toBe(false);
    expect(validate({ ...tenantExample, tenant: { ...tenantExample.tenant, branding: { ...branding, logoUrl: '/logo.svg' } } })).toBe(false);
  });
});

describe('the committed platform chart', () => {
  it('renders with example values exactly what the cdk8s chart synthesizes', () => {
    expect(renderCommitted('platform', platformExample)).toEqual(byKey(synthesize(platformChart, platformExample)));
  });

  it('renders no mailer object when the mailer is disabled', () => {
    const disabled = { ...platformExample, mailer: { ...platformExample.mailer, enabled: false } };
    const rendered = renderCommitted('platform', disabled);
    expect([...rendered.keys()].filter((key) => key.endsWith('/mailer'))).toEqual([]);
    expect(rendered).toEqual(byKey(synthesize(platformChart, disabled)));
  });

  it('renders an empty tenant directory when Terraform writes the entries', () => {
    const rendered = renderCommitted('platform', { ...platformExample, tenantDirectory: { tenants: [] } });
    expect(rendered.get('ConfigMap/tenant-directory')?.['data'] ?? {}).toEqual({});
  });

  it('validates its values against values.schema.json', () => {
    const validate = schemaValidator(platformChart);
    expect(validate(platformExample), JSON.stringify(validate.errors)).toBe(true);
    const [first] = platformExample.tenantDirectory.tenants;
    expect(validate({ ...platformExample, tenantDirectory: { tenants: [{ ...first, defaultLocale: 'fr' }] } })).toBe(false);
    const mailer = platformExample.mailer;
    expect(validate({ ...platformExample, mailer: { ...mailer, from: '' } }), 'an enabled mailer needs a sender').toBe(false);
    expect(validate({ ...platformExample, mailer: { ...mailer, image: { ...mailer.image, tag: '' } } })).toBe(false);
    expect(validate({ ...platformExample, mailer: { ...mailer, from: 'not an address' } })).toBe(false);
    expect(validate({ ...platformExample, mailer: { ...mailer, provider: 'sendgrid' } })).toBe(false);
    const disabled = { ...mailer, enabled: false, from: '', image: { ...mailer.image, tag: '' } };
    expect(validate({ ...platformExample, mailer: disabled }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...platformExample, mailer: { ...mailer, from: 'noreply@vaccinate.example' } })).toBe(true);
  });
});
