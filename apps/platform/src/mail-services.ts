import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startMailCatcher, type MailCatcher } from '@vaccinate/mail-catcher';
import { tracingEnvironment, type PlatformConfig } from './config/platform-config';
import { stopChild, waitUntilReady } from './child-process';

export interface MailServices {
  catcherUrl: string;
  mailerUrl: string;
  mailerApiKey: string;
  stop(): Promise<void>;
}

/** A local SMTP catcher with a page listing what it got, and the mailer function sending to it. */
export async function startMailServices(config: PlatformConfig, log: (line: string) => void): Promise<MailServices> {
  const catcher: MailCatcher = await startMailCatcher({ smtpPort: config.smtpPort, httpPort: config.mailCatcherPort });
  const mailerApiKey = randomBytes(24).toString('base64url');
  const mailerUrl = `http://127.0.0.1:${config.mailerPort}`;
  const mailer: ChildProcess = spawn(process.execPath, [join(config.root, 'apps/mailer/dist/main.js')], {
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'development',
      PORT: String(config.mailerPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MAIL_FROM: '"Vaccination center" <no-reply@vaccinate.localhost>',
      SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
      MAILER_API_KEY: mailerApiKey,
      ...tracingEnvironment(config),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitUntilReady(`${mailerUrl}/health/ready`, mailer);
  } catch (error) {
    await catcher.stop();
    throw error;
  }
  log(`Mailer on ${mailerUrl}, sending to the mail catcher`);
  return {
    catcherUrl: catcher.url,
    mailerUrl,
    mailerApiKey,
    stop: async () => {
      await stopChild(mailer);
      await catcher.stop();
    },
  };
}
