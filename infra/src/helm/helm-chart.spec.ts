import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { platformChart, tenantChart, type ChartDefinition } from '../charts';
import { platformExample } from '../platform/platform-values';
import { tenantCiValues, tenantExample, type TenantValues } from '../tenant/tenant-values';
import { helmRender, synthesizeWithCdk8s, type Manifest } from '../testing/manifests';
import { generateValues } from '../testing/values-generator';

const chartsDir = resolve(__dirname, '..', '..', '..', 'charts');

/** Real `helm template` output, keyed by kind/name. */
function renderWithHelm<V extends object>(definition: ChartDefinition<V>, values: V): Map<string, Manifest> {
  return byKey(helmRender(definition, values));
}

function byKey(manifests: Manifest[]): Map<string, Manifest> {
  return new Map(manifests.map((m) => [`${m['kind']}/${m['metadata'].name}`, m]));
}

function schemaValidator<V extends object>(definition: ChartDefinition<V>) {
  const schema = JSON.parse(readFileSync(join(chartsDir, definition.name, 'values.schema.json'), 'utf8')) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

// The template compiler (helm-template.ts) is kept only while real Helm, given any values the schema
// accepts, renders exactly what cdk8s synthesizes from the same values.
// Ten sets per chart, each a real Helm run. HELM_VALUES_SEED=<n> explores other values by hand; a failing set is named by its seed.
const GENERATED_SETS = 10;
const FIRST_SEED = Number(process.env['HELM_VALUES_SEED'] ?? 1);

describe.each([
  ['tenant', tenantChart as ChartDefinition<object>],
  ['platform', platformChart as ChartDefinition<object>],
])('the compiled %s templates under real Helm', (_, definition) => {
  const sets = generateValues(definition.schema, definition.example, GENERATED_SETS, FIRST_SEED);

  it.each(sets.map(({ seed, values }) => [seed, values] as const))('render generated values set %i exactly as cdk8s synthesizes it', (_seed, values) => {
    let expected: Map<string, Manifest>;
    try {
      expected = byKey(synthesizeWithCdk8s(definition, values));
    } catch (refusal) {
      // Values the schema cannot refuse (a duplicate slug): Helm must refuse them too, with the same words.
      expect(() => renderWithHelm(definition, values)).toThrow((refusal as Error).message);
      return;
    }
    expect(renderWithHelm(definition, values)).toEqual(expected);
  });

  it('are given values sets that really differ, awkward strings included', () => {
    const distinct = new Set(sets.map(({ values }) => JSON.stringify(values)));
    expect(distinct.size).toBe(GENERATED_SETS);
    expect(sets.some(({ values }) => /yes|true|0123|a: b|\{\{/.test(JSON.stringify(values)))).toBe(true);
  });
});

describe('the tenant chart', () => {
  it('leaves the optional Namespace, TLS secret, OIDC, display name, logo and mailer variables out when they are not set', () => {
    const unset = { ...tenantExample, tenant: { ...tenantExample.tenant, displayName: '' }, mailer: { url: '' } };
    const rendered = renderWithHelm(tenantChart, unset);
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
    for (const values of Object.values(tenantCiValues)) expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    const defaults = parse(readFileSync(join(chartsDir, 'tenant', 'values.yaml'), 'utf8')) as TenantValues;
    expect(validate(defaults)).toBe(false);
    expect(
      validate({
        ...defaults,
        tenant: tenantExample.tenant,
        ingress: tenantExample.ingress,
        api: tenantExample.api,
        bootstrap: tenantExample.bootstrap,
        networkPolicy: tenantExample.networkPolicy,
      }),
    ).toBe(true);
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

describe('the platform chart', () => {
  it('renders no mailer object when the mailer is disabled', () => {
    const disabled = { ...platformExample, mailer: { ...platformExample.mailer, enabled: false } };
    const rendered = renderWithHelm(platformChart, disabled);
    expect([...rendered.keys()].filter((key) => key.endsWith('/mailer'))).toEqual([]);
    expect(rendered).toEqual(byKey(synthesizeWithCdk8s(platformChart, disabled)));
  });

  it('renders an empty tenant directory when Terraform writes the entries', () => {
    const rendered = renderWithHelm(platformChart, { ...platformExample, tenantDirectory: { tenants: [] } });
    expect(rendered.get('ConfigMap/tenant-directory')?.['data'] ?? {}).toEqual({});
  });

  it('validates its values against values.schema.json', () => {
    const validate = schemaValidator(platformChart);
    expect(validate(platformExample), JSON.stringify(validate.errors)).toBe(true);
    const [first] = platformExample.tenantDirectory.tenants;
    expect(validate({ ...platformExample, tenantDirectory: { tenants: [{ ...first, defaultLocale: 'fr' }] } })).toBe(false);
    expect(validate({ ...platformExample, tenantDirectory: { tenants: [{ ...first, phoneRegion: 'DE-BE' }] } }), 'a phone region is a country').toBe(false);
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
