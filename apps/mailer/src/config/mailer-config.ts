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
  from: { name: string; address: string };
  mailjet: { apiKey: string; apiSecret: string } | null;
  /** When set, callers must send `Authorization: Bearer <key>`. */
  apiKey: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const optional = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAIL_PROVIDER: z.enum(['smtp', 'mailjet'], { message: 'must be smtp or mailjet' }).default('smtp'),
  SMTP_URL: optional,
  MAIL_FROM: z.string({ message: 'is required' }).trim().min(1, 'is required'),
  MAILJET_API_KEY: optional,
  MAILJET_API_SECRET: optional,
  MAILER_API_KEY: optional,
});

/** `"Name" <address>`, `Name <address>` or a bare address. */
const FROM_PATTERN = /^\s*(?:"?([^"<>]*?)"?\s*)?<([^<>\s]+@[^<>\s]+\.[^<>\s]+)>\s*$|^\s*([^<>\s"]+@[^<>\s]+\.[^<>\s]+)\s*$/;

/**
 * Validates the environment and reports every bad variable by name, never its value: several are
 * secrets. Throws a ConfigError listing all problems.
 */
export function loadMailerConfig(env: NodeJS.ProcessEnv): MailerConfig {
  const problems: string[] = [];
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      const missing = env[name] === undefined || env[name] === '';
      problems.push(`${name}: ${missing ? 'is required' : issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const values = parsed.data;

  const smtpUrl = values.SMTP_URL ?? 'smtp://127.0.0.1:1025';
  if (values.MAIL_PROVIDER === 'smtp' && !isSmtpUrl(smtpUrl)) {
    problems.push('SMTP_URL: must be an smtp:// or smtps:// URL with a host');
  }

  const from = FROM_PATTERN.exec(values.MAIL_FROM);
  if (!from) problems.push('MAIL_FROM: must be an address, optionally with a name: "Name" <address@example.com>');

  let mailjet: MailerConfig['mailjet'] = null;
  if (values.MAIL_PROVIDER === 'mailjet') {
    if (!values.MAILJET_API_KEY) problems.push('MAILJET_API_KEY: is required when MAIL_PROVIDER is mailjet');
    if (!values.MAILJET_API_SECRET) problems.push('MAILJET_API_SECRET: is required when MAIL_PROVIDER is mailjet');
    if (values.MAILJET_API_KEY && values.MAILJET_API_SECRET) {
      mailjet = { apiKey: values.MAILJET_API_KEY, apiSecret: values.MAILJET_API_SECRET };
    }
  }

  if (values.MAILER_API_KEY !== undefined && values.MAILER_API_KEY.length < 16) {
    problems.push('MAILER_API_KEY: must be at least 16 characters');
  }

  if (problems.length > 0 || !from) throw new ConfigError(problems);
  return {
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    provider: values.MAIL_PROVIDER,
    smtpUrl,
    from: { name: (from[1] ?? '').trim(), address: from[2] ?? from[3] ?? '' },
    mailjet,
    apiKey: values.MAILER_API_KEY ?? null,
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
