import {
  autoscalingSchema,
  DNS_LABEL_PATTERN,
  flag,
  hostList,
  imageSchema,
  integer,
  object,
  oneOf,
  optionalText,
  resourcesSchema,
  SLUG_PATTERN,
  text,
  type JsonSchema,
} from '../helm/json-schema';

const HTTP_URL = '^https?://\\S+$';
const CIDR = '^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$';
const COLOR = '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$';

// The full check of an entry is parseTenantDirectory in libs/tenant-directory; this catches typos early.
const directoryEntry: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['slug', 'displayName', 'domains', 'apiBaseUrl', 'branding', 'defaultLocale'],
  properties: {
    slug: text('tenant slug', SLUG_PATTERN),
    displayName: { type: 'string', minLength: 1 },
    domains: hostList('host names of the tenant', 1),
    apiBaseUrl: text('URL or same-origin path of the API', '^(/[^/]|https?://)'),
    branding: {
      type: 'object',
      additionalProperties: false,
      required: ['primaryColor', 'accentColor'],
      properties: {
        primaryColor: text('hex color', COLOR),
        accentColor: text('hex color', COLOR),
        logoUrl: text('URL or same-origin path of the logo', '^(/[^/]|https?://)'),
      },
    },
    defaultLocale: { type: 'string', enum: ['de', 'en'] },
    phoneRegion: text(
      "country (ISO 3166-1 alpha-2) a phone number without country code is read in: the country of the tenant API's holidayRegion; DE when left out",
      '^[A-Z]{2}$',
    ),
  },
};

const FROM = '^[^@\\s<>]+@[^@\\s<>]+$|<[^@\\s<>]+@[^@\\s<>]+>\\s*$';
const image = imageSchema() as { properties: { repository: JsonSchema; tag: { pattern: string } } };

// A disabled mailer needs no image or sender; an enabled one needs both.
const mailerSchema: JsonSchema = {
  ...object({
    enabled: flag('run the mailer function'),
    image: object({ ...image.properties, tag: { ...image.properties.tag, pattern: `^$|${image.properties.tag.pattern}` } }),
    logLevel: oneOf('pino log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace']),
    provider: oneOf('smtp (SMTP_URL in the Secret) or mailjet (MAILJET_API_KEY and MAILJET_API_SECRET)', ['smtp', 'mailjet']),
    from: optionalText('sender: address or "Name" <address>', FROM),
    secretName: text('Secret with MAILER_API_KEY and the provider credentials', DNS_LABEL_PATTERN),
    providerCidr: text('range the mail provider is in', CIDR),
    resources: resourcesSchema(),
    autoscaling: autoscalingSchema(),
  }),
  if: { properties: { enabled: { const: true } } },
  then: { properties: { image: { properties: { tag: { minLength: 1 } } }, from: { minLength: 1 } } },
};

const certificatesSchema: JsonSchema = {
  ...object({
    enabled: flag('run the certificates function'),
    image: object({ ...image.properties, tag: { ...image.properties.tag, pattern: `^$|${image.properties.tag.pattern}` } }),
    logLevel: oneOf('pino log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace']),
    rateLimitPerMinute: integer('certificate attempts per client address and minute', 1, 10_000),
    secretName: text('Secret with CERTIFICATE_SECRETS and JWKS_URLS', DNS_LABEL_PATTERN),
    resources: resourcesSchema(),
    autoscaling: autoscalingSchema(),
  }),
  if: { properties: { enabled: { const: true } } },
  then: { properties: { image: { properties: { tag: { minLength: 1 } } } } },
};

export const platformValuesSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'vaccinate platform chart values',
  ...object({
    web: object({ image: imageSchema(), resources: resourcesSchema(), autoscaling: autoscalingSchema() }),
    tenantDirectory: object({ tenants: { type: 'array', items: directoryEntry } }),
    mailer: mailerSchema,
    certificates: certificatesSchema,
    networkPolicy: object({ ingressControllerNamespace: text('namespace of ingress-nginx', DNS_LABEL_PATTERN) }),
    tracing: object({
      otlpEndpoint: optionalText('OTLP/HTTP collector base URL for the traces of the mailer and the certificates function; empty turns tracing off', HTTP_URL),
      collectorNamespace: text('namespace of the OTLP collector the mailer and the certificates function may send spans to', DNS_LABEL_PATTERN),
      collectorPort: integer('OTLP/HTTP port of the collector', 1, 65535),
    }),
  }),
};
