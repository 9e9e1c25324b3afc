import {
  autoscalingSchema,
  DNS_LABEL_PATTERN,
  flag,
  HOST_PATTERN,
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

const CIDR = '^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$';
// The API takes #rrggbb only (apps/api config), stricter than the tenant directory.
const COLOR = '^#[0-9a-fA-F]{6}$';
const HTTP_URL = '^https?://\\S+$';

export const tenantValuesSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'vaccinate tenant chart values',
  ...object({
    tenant: object({
      slug: text('tenant slug', SLUG_PATTERN),
      publicUrl: text('https://<primary domain>', `^https://${HOST_PATTERN.slice(1, -1)}$`),
      displayName: optionalText('company name in mails; empty uses the slug', '^\\S.*$'),
      timeZone: text('IANA time zone of the vaccination days', '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$'),
      defaultLocale: oneOf('language of mails when the person chose none', ['de', 'en']),
      employeeNumber: oneOf('whether the booking form asks for the employee number', ['optional', 'required']),
      certificateCountry: text('ISO 3166-1 alpha-2 country of the vaccination certificates', '^[A-Z]{2}$'),
      holidayRegion: text(
        'country or country-state code whose public holidays the day calendar warns about (DE, DE-BE); phone numbers without country code are read in its country',
        '^[A-Z]{2}(-[A-Z0-9]{1,3})?$',
      ),
      vaccinatorOnCertificate: object({ enabled: flag('certificates name the doctor who gave each dose') }),
      branding: object({
        primaryColor: text('#rrggbb', COLOR),
        accentColor: text('#rrggbb', COLOR),
        logoUrl: optionalText('absolute logo URL for mails', HTTP_URL),
      }),
    }),
    namespace: object({
      enabled: flag('also create the Namespace (Terraform normally creates it first)'),
      name: optionalText('namespace name, tenant-<slug>', DNS_LABEL_PATTERN),
    }),
    ingress: object({
      className: text('IngressClass of the ingress-nginx controller', DNS_LABEL_PATTERN),
      hosts: hostList("the tenant's host names", 1),
      tlsSecretName: optionalText('TLS Secret; empty uses the default certificate', DNS_LABEL_PATTERN),
    }),
    api: object({
      image: imageSchema(),
      logLevel: oneOf('pino log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace']),
      databasePoolMax: integer('connections per pod', 1, 100),
      databaseSsl: oneOf('TLS to Postgres', ['disable', 'require', 'verify-full']),
      accessTokenTtlSeconds: integer('staff token lifetime', 60, 86400),
      fieldKeyCurrent: text('field key version new values are written under', '^v[0-9]+$'),
      accessTokenKeyCurrent: text('id of the key in ACCESS_TOKEN_KEYS new staff tokens are signed with', '^[a-z0-9][a-z0-9._-]{0,31}$'),
      certificateSigningKeyCurrent: text('id of the key in CERTIFICATE_SIGNING_KEYS new certificates are signed with', '^[a-z0-9][a-z0-9._-]{0,31}$'),
      resources: resourcesSchema(),
      autoscaling: autoscalingSchema(),
    }),
    secrets: object({ name: text('Secret holding the API secrets', DNS_LABEL_PATTERN) }),
    oidc: object({
      issuer: optionalText("the tenant's identity provider", '^https://\\S+$'),
      clientId: optionalText('client id', '^\\S+$'),
      rolesClaim: optionalText('claim holding groups or roles', '^\\S+$'),
      roleMap: optionalText('group:role pairs, comma-separated', '^[^,:\\s]+:[a-z-]+(,[^,:\\s]+:[a-z-]+)*$'),
    }),
    bootstrap: object({
      initialAdminEmail: text("e-mail of the tenant's first admin", '^[^@\\s"]+@[^@\\s"]+$'),
    }),
    mailer: object({ url: optionalText('the platform mailer; empty leaves mails in the outbox', HTTP_URL) }),
    tracing: object({
      otlpEndpoint: optionalText('OTLP/HTTP collector base URL for traces; empty turns tracing off', HTTP_URL),
      collectorNamespace: text('namespace of the OTLP collector the API may send spans to'),
      collectorPort: integer('OTLP/HTTP port of the collector', 1, 65535),
    }),
    allocator: object({
      enabled: flag('run the waiting-list allocator in the API pods'),
      ratePerMinute: integer('registrations allocated per minute', 1, 100000),
      retryLimit: integer('retries before a dead letter', 0, 20),
      retryDelaySeconds: integer('first retry delay, doubled each time', 0, 3600),
      jobTimeoutSeconds: integer('a job a dead worker held is retried after this', 1, 3600),
    }),
    mailDelivery: object({
      retryDelaySeconds: integer('first retry delay of a mail delivery, doubled each time', 1, 3600),
      jobTimeoutSeconds: integer('a mail delivery a dead worker held is retried after this', 1, 3600),
    }),
    schedulingLinks: object({
      enabled: flag('publish free first-dose slots as a public SMART Scheduling Links feed ($bulk-publish)'),
      state: optionalText('state or region codes of the sites, comma-separated (a hint to slot aggregators)', '^[A-Z0-9-]{1,10}(,[A-Z0-9-]{1,10})*$'),
    }),
    // The same bounds as the API's RETENTION_* variables.
    retention: object({
      unvaccinatedDays: integer('registrations and standby memberships that never led to a vaccination', 1, 3_650),
      mailDays: integer('sent and dead mails', 1, 3_650),
      auditDays: integer('audit events', 30, 7_300),
      signInDays: integer('sign-in records of staff', 1, 3_650),
    }),
    captcha: object({
      provider: oneOf('altcha (self-hosted) or recaptcha (needs RECAPTCHA_SECRET in the Secret)', ['altcha', 'recaptcha']),
      // Below 1,000,000: Helm prints larger numbers from values in exponent notation.
      maxNumber: integer('ALTCHA difficulty', 100, 999_999),
      recaptchaVerifyUrl: text("Google's siteverify URL", HTTP_URL),
      recaptchaMinScore: { type: 'number', description: 'reCAPTCHA v3 score threshold', minimum: 0, maximum: 1 },
    }),
    sms: object({
      provider: oneOf('log (nothing is sent), twilio or vonage (need SMS_ACCOUNT_ID, SMS_AUTH_SECRET and for vonage SMS_SIGNATURE_SECRET in the Secret)', [
        'log',
        'twilio',
        'vonage',
      ]),
      from: optionalText('sender: a number in E.164 or an alphanumeric sender id', '^(\\+[1-9][0-9]{6,14}|[A-Za-z0-9 ]{1,11})$'),
      baseUrl: optionalText("another host for the provider's API (a regional one); empty uses the provider's default", HTTP_URL),
    }),
    monitoring: object({
      prometheusNamespace: text('namespace of the Prometheus that scrapes the metrics port', DNS_LABEL_PATTERN),
      serviceMonitor: object({ enabled: flag('a ServiceMonitor for the API (Prometheus Operator)') }),
      prometheusRule: object({ enabled: flag('alerts: dead letters, allocator backlog, 5xx rate, API not ready') }),
      grafanaDashboard: object({ enabled: flag('a dashboard ConfigMap for the Grafana sidecar (label grafana_dashboard: "1")') }),
    }),
    networkPolicy: object({
      ingressControllerNamespace: text('namespace of ingress-nginx', DNS_LABEL_PATTERN),
      platformNamespace: text('namespace of the platform functions', DNS_LABEL_PATTERN),
      postgresCidr: text('private range of the Postgres instance', CIDR),
      postgresPort: integer('Postgres port', 1, 65535),
      recaptchaEgress: object({ enabled: flag('let the API reach public HTTPS; required by captcha.provider recaptcha') }),
      smsEgress: object({ enabled: flag('let the API reach public HTTPS; required by sms.provider twilio or vonage') }),
    }),
  }),
  allOf: [
    // Without the egress the API could not verify a single reCAPTCHA answer, so no one could book.
    {
      if: { properties: { captcha: { properties: { provider: { const: 'recaptcha' } } } } },
      then: { properties: { networkPolicy: { properties: { recaptchaEgress: { properties: { enabled: { const: true } } } } } } },
    },
    // Nor send a text, nor name a sender.
    {
      if: { properties: { sms: { properties: { provider: { enum: ['twilio', 'vonage'] } } } } },
      then: {
        properties: {
          sms: { properties: { from: { minLength: 1 } } },
          networkPolicy: { properties: { smsEgress: { properties: { enabled: { const: true } } } } },
        },
      },
    },
  ],
};
