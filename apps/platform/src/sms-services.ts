import type { ApiEnvironmentInput } from '@vaccinate/tenant-provisioning';
import { startSmsCatcher, type SmsCatcher } from '@vaccinate/sms-catcher';
import type { PlatformConfig } from './config/platform-config';
import { smsAccount } from './local-secrets';
import type { LocalTenant } from './local-tenants';

export interface SmsServices {
  catcherUrl: string;
  /** What the tenant's API is given to send through its provider's fake; undefined when it sends none. */
  accounts: Map<string, NonNullable<ApiEnvironmentInput['sms']>>;
  stop(): Promise<void>;
}

/** Twilio's number for test sends; Vonage takes a sender id of up to 11 letters and digits. */
const TWILIO_FROM = '+15005550006';

/**
 * The SMS catcher: the tenants that send texts do so through its fake of their provider, which
 * reports each text delivered, signed, to the tenant's callback URL through the gateway. The texts
 * are only shown on its page; phone numbers are never written to the log.
 */
export async function startSmsServices(config: PlatformConfig, tenants: LocalTenant[], log: (line: string) => void): Promise<SmsServices> {
  const accounts = new Map<string, NonNullable<ApiEnvironmentInput['sms']>>();
  const fakes: { twilio: { sid: string; authToken: string }[]; vonage: { apiKey: string; apiSecret: string; signatureSecret: string }[] } = {
    twilio: [],
    vonage: [],
  };
  for (const tenant of tenants) {
    if (!tenant.sms) continue;
    const account = await smsAccount(config.dataDir, tenant.entry.slug, tenant.sms);
    if (tenant.sms === 'twilio') fakes.twilio.push({ sid: account.accountId, authToken: account.authSecret });
    else fakes.vonage.push({ apiKey: account.accountId, apiSecret: account.authSecret, signatureSecret: account.signatureSecret });
    accounts.set(tenant.entry.slug, {
      provider: tenant.sms,
      from: tenant.sms === 'twilio' ? TWILIO_FROM : senderId(tenant.entry.displayName),
      accountId: account.accountId,
      authSecret: account.authSecret,
      ...(tenant.sms === 'vonage' ? { signatureSecret: account.signatureSecret } : {}),
      baseUrl: `http://127.0.0.1:${config.smsCatcherPort}`,
    });
  }
  const catcher: SmsCatcher = await startSmsCatcher({ port: config.smsCatcherPort, ...fakes });
  const through = tenants.filter((tenant) => tenant.sms).map((tenant) => `${tenant.entry.slug} through ${tenant.sms === 'twilio' ? 'Twilio' : 'Vonage'}`);
  log(`SMS catcher on ${catcher.url}${through.length > 0 ? ` (${through.join(', ')})` : ''}`);
  return { catcherUrl: catcher.url, accounts, stop: () => catcher.stop() };
}

function senderId(displayName: string): string {
  return (
    displayName
      .replace(/[^A-Za-z0-9 ]/g, '')
      .slice(0, 11)
      .trim() || 'Vaccinate'
  );
}
