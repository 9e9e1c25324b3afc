import { describe, expect, it } from 'vitest';
import { ConfigError, loadMailerConfig } from './mailer-config';

const base = { MAIL_FROM: '"Vaccination center" <no-reply@vaccinate.example>' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadMailerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadMailerConfig', () => {
  it('defaults to SMTP on the local catcher and port 8080', () => {
    expect(loadMailerConfig(base)).toEqual({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'info',
      provider: 'smtp',
      smtpUrl: 'smtp://127.0.0.1:1025',
      from: { name: 'Vaccination center', address: 'no-reply@vaccinate.example' },
      mailjet: null,
      apiKey: null,
    });
  });

  it('accepts a bare sender address', () => {
    expect(loadMailerConfig({ MAIL_FROM: 'no-reply@vaccinate.example' }).from).toEqual({ name: '', address: 'no-reply@vaccinate.example' });
  });

  it('names every bad variable and never its value', () => {
    const env = {
      PORT: 'eighty',
      MAIL_PROVIDER: 'pigeon',
      MAIL_FROM: 'not-an-address-s3cret',
      MAILER_API_KEY: 'short-s3cret',
    };
    const problems = problemsOf(env);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['PORT', 'MAIL_PROVIDER']);
    expect(problems.join('\n')).not.toContain('s3cret');
    expect(problems.join('\n')).not.toContain('pigeon');
  });

  it('checks the second stage together: sender, SMTP URL and key length', () => {
    const problems = problemsOf({ MAIL_FROM: 'nobody-s3cret', SMTP_URL: 'http://s3cret.example', MAILER_API_KEY: 'short-s3cret' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['SMTP_URL', 'MAIL_FROM', 'MAILER_API_KEY']);
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('requires the Mailjet key and secret only for mailjet', () => {
    expect(problemsOf({ ...base, MAIL_PROVIDER: 'mailjet' })).toEqual([
      'MAILJET_API_KEY: is required when MAIL_PROVIDER is mailjet',
      'MAILJET_API_SECRET: is required when MAIL_PROVIDER is mailjet',
    ]);
    expect(loadMailerConfig({ ...base, MAIL_PROVIDER: 'mailjet', MAILJET_API_KEY: 'k', MAILJET_API_SECRET: 's' }).mailjet).toEqual({
      apiKey: 'k',
      apiSecret: 's',
    });
  });

  it('reports a missing MAIL_FROM', () => {
    expect(problemsOf({})).toEqual(['MAIL_FROM: is required']);
  });
});
