import { resolve } from 'node:path';

export interface PlatformConfig {
  /** Repository root: where `.data/`, `apps/api/dist` and `apps/web/dist` are found. */
  root: string;
  dataDir: string;
  gatewayPort: number;
  apiBasePort: number;
  postgresPort: number;
  smtpPort: number;
  mailCatcherPort: number;
  /** The SMS catcher: the local fakes of the SMS providers' APIs and the page listing what they took. */
  smsCatcherPort: number;
  mailerPort: number;
  certificatesPort: number;
  /** When set, an existing server's admin URL is used instead of the embedded one. */
  adminDatabaseUrl: string | undefined;
  tenantsFile: string;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: when set, the gateway and every service it starts send traces there. */
  otlpEndpoint: string | undefined;
  /** The tenant APIs' LOG_LEVEL: at info every request writes a line, at warn none does. */
  apiLogLevel: ApiLogLevel;
}

const API_LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type ApiLogLevel = (typeof API_LOG_LEVELS)[number];

function logLevel(env: NodeJS.ProcessEnv, problems: string[]): ApiLogLevel {
  const raw = env['LOG_LEVEL'];
  if (raw === undefined || raw === '') return 'info';
  if ((API_LOG_LEVELS as readonly string[]).includes(raw)) return raw as ApiLogLevel;
  problems.push(`LOG_LEVEL: must be one of ${API_LOG_LEVELS.join(', ')}`);
  return 'info';
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) problems.push(`${name}: must be a port number`);
  return value;
}

/** What a started service needs to send its traces where the launcher's go; nothing when tracing is off. */
export function tracingEnvironment(config: Pick<PlatformConfig, 'otlpEndpoint'>): Record<string, string> {
  return config.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: config.otlpEndpoint } : {};
}

/** The launcher's few settings, all optional: `npm start` works with none of them. */
export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const root = resolve(__dirname, '..', '..', '..', '..');
  const problems: string[] = [];
  const config: PlatformConfig = {
    root,
    dataDir: resolve(root, env['DATA_DIR'] || '.data'),
    gatewayPort: port(env, 'GATEWAY_PORT', 8080, problems),
    apiBasePort: port(env, 'API_BASE_PORT', 3101, problems),
    postgresPort: port(env, 'POSTGRES_PORT', 54320, problems),
    smtpPort: port(env, 'SMTP_PORT', 1025, problems),
    mailCatcherPort: port(env, 'MAIL_CATCHER_PORT', 8025, problems),
    smsCatcherPort: port(env, 'SMS_CATCHER_PORT', 8026, problems),
    mailerPort: port(env, 'MAILER_PORT', 3201, problems),
    certificatesPort: port(env, 'CERTIFICATES_PORT', 3202, problems),
    adminDatabaseUrl: env['DATABASE_URL'] || undefined,
    tenantsFile: resolve(root, env['LOCAL_TENANTS_FILE'] || 'apps/platform/local-tenants.json'),
    otlpEndpoint: env['OTEL_EXPORTER_OTLP_ENDPOINT']?.replace(/\/$/, '') || undefined,
    apiLogLevel: logLevel(env, problems),
  };
  if (config.otlpEndpoint && !/^https?:\/\/[^/]/.test(config.otlpEndpoint)) problems.push('OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s) URL');
  if (config.adminDatabaseUrl && !/^postgres(ql)?:\/\//.test(config.adminDatabaseUrl)) {
    problems.push('DATABASE_URL: must be a postgres:// URL of a role that may create roles and databases');
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return config;
}
