import {
  autoscalingSchema,
  DNS_LABEL_PATTERN,
  hostList,
  imageSchema,
  object,
  resourcesSchema,
  SLUG_PATTERN,
  text,
  type JsonSchema,
} from '../helm/json-schema';

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
  },
};

export const platformValuesSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'vaccinate platform chart values',
  ...object({
    web: object({ image: imageSchema(), resources: resourcesSchema(), autoscaling: autoscalingSchema() }),
    tenantDirectory: object({ tenants: { type: 'array', items: directoryEntry } }),
    networkPolicy: object({ ingressControllerNamespace: text('namespace of ingress-nginx', DNS_LABEL_PATTERN) }),
  }),
};
