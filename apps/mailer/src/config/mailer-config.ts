import { z } from 'zod';

export type MailProviderName = 'smtp' | 'mailjet';

/** The mailer's whole configuration, read once at boot. */
export interface MailerConfig {
  port: number;
  host: string;
  logLevel: string;
  provider: MailProviderName;
  /** `smtp://` or `smtps://` URL; used when the provider is smtp. */
  smtpUrl: string;
  /** The sender address; the display name of each mail is the tenant's. */
  from: { name: string; address: string };
  mailjet: { apiKey: string; apiSecret: string } | null;
  /** When set, callers must send `Authorization: Bearer <key>`. */
  apiKey: string | null;
  /** Messages one client address may send per minute; more are answered 429 (the outbox retries them). */
  rateLimitPerMinute: number;
  /** Traces go to this OTLP/HTTP collector (its base URL); null when off. */
  tracing: { otlpEndpoint: string } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/** `"Name" <address>`, `Name <address>` or a bare address. */
const FROM_PATTERN = /^\s*(?:"?([^"<>]*?)"?\s*)?<([^<>\s]+@[^<>\s]+\.[^<>\s]+)>\s*$|^\s*([^<>\s"]+@[^<>\s]+\.[^<>\s]+)\s*$/;
const PORT_MESSAGE = 'must be a port number';
/**
 * Per calling address. Every booking's mail job calls at once, so a sell-out sends a few hundred a second (and `npm start`'s
 * tenants all call from 127.0.0.1); the limit only stops a runaway caller. A refused job is retried by its queue.
 */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 30_000;

const optional = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const environmentSchema = z.object({
  PORT: z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be a pino level such as info' }).default('info'),
  MAIL_PROVIDER: z.enum(['smtp', 'mailjet'], { error: 'must be smtp or mailjet' }).default('smtp'),
  SMTP_URL: optional.refine((value) => value === undefined || isSmtpUrl(value), 'must be an smtp:// or smtps:// URL with a host'),
  MAIL_FROM: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .regex(FROM_PATTERN, 'must be an address, optionally with a name: "Name" <address@example.com>'),
  MAILJET_API_KEY: optional,
  MAILJET_API_SECRET: optional,
  MAILER_API_KEY: optional.refine((value) => value === undefined || value.length >= 16, 'must be at least 16 characters'),
  MAILER_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number from 1 to 100000' })
    .int('must be a whole number from 1 to 100000')
    .min(1, 'must be a whole number from 1 to 100000')
    .max(100_000, 'must be a whole number from 1 to 100000')
    .default(DEFAULT_RATE_LIMIT_PER_MINUTE),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional.refine((value) => value === undefined || /^https?:\/\/[^/]/.test(value), 'must be an http(s) URL'),
});

/**
 * Validates the environment and reports every bad variable by name, never its value: several are
 * secrets. Throws a ConfigError listing all problems.
 */
export function loadMailerConfig(env: NodeJS.ProcessEnv = process.env): MailerConfig {
  const problems: string[] = [];
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0] ?? 'environment')}: ${issue.message}`);
  }
  // Provider-dependent rules read the raw values, so they are reported alongside the others.
  if (env['MAIL_PROVIDER']?.trim() === 'mailjet') {
    if (!env['MAILJET_API_KEY']?.trim()) problems.push('MAILJET_API_KEY: is required when MAIL_PROVIDER is mailjet');
    if (!env['MAILJET_API_SECRET']?.trim()) problems.push('MAILJET_API_SECRET: is required when MAIL_PROVIDER is mailjet');
  }
  // The loopback default suits `npm start`; in production it would lose every mail without a word.
  const provider = env['MAIL_PROVIDER']?.trim() || 'smtp';
  if (env['NODE_ENV'] === 'production' && provider === 'smtp' && !env['SMTP_URL']?.trim()) {
    problems.push('SMTP_URL: is required when MAIL_PROVIDER is smtp in production');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const values = parsed.data;
  const from = FROM_PATTERN.exec(values.MAIL_FROM);
  return {
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    provider: values.MAIL_PROVIDER,
    smtpUrl: values.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    from: { name: (from?.[1] ?? '').trim(), address: from?.[2] ?? from?.[3] ?? '' },
    mailjet:
      values.MAIL_PROVIDER === 'mailjet' && values.MAILJET_API_KEY && values.MAILJET_API_SECRET
        ? { apiKey: values.MAILJET_API_KEY, apiSecret: values.MAILJET_API_SECRET }
        : null,
    apiKey: values.MAILER_API_KEY ?? null,
    rateLimitPerMinute: values.MAILER_RATE_LIMIT_PER_MINUTE,
    tracing: values.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: values.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '') } : null,
  };
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}
