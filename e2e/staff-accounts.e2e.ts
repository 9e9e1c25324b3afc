import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { mailBody, mailTo } from './support/caught-mail';
import { signInAsAdmin } from './support/staff-sign-in';
import { tenantApi } from './support/tenant-api';

const ADMIN_PASSPHRASE = 'a long and private passphrase';

describe('staff accounts: invitation, deactivation and a forgotten password', () => {
  let browser: Browser;
  const port = inject('gatewayPort');
  const baseUrl = `http://acme.localhost:${port}`;
  const catcherUrl = inject('mailCatcherUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  /** The single-use link of the newest mail to `address` whose subject matches. */
  async function linkIn(address: string, subject: RegExp): Promise<string> {
    const mail = await mailTo(catcherUrl, address, (caught) => subject.test(caught.subject), 45_000);
    const link = new RegExp(`${baseUrl.replace(/[.]/g, '\\.')}/staff/set-password#[A-Za-z0-9_-]{43}`).exec((await mailBody(catcherUrl, mail)).text)?.[0];
    if (!link) throw new Error('no link in the mail');
    return link;
  }

  it('an admin invites a doctor, who sets a password and signs in; once deactivated, the doctor is refused', async () => {
    const admin = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const { page, a11y } = await admin.newPage();
    const email = `doctor.${Date.now()}@acme.example`;
    await signInAsAdmin(page, baseUrl, 'admin@acme.example', inject('oneTimePasswords')['acme'] ?? '', ADMIN_PASSPHRASE, a11y);

    await page.goto(`${baseUrl}/staff/accounts`);
    await page.getByRole('heading', { name: 'Invite a staff member' }).waitFor();
    await a11y.check('staff accounts');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Name', { exact: true }).fill('Dr. Ida Neu');
    await page.getByLabel('Role', { exact: true }).selectOption('doctor');
    await page.getByLabel('Language of the e-mails').selectOption('en');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`The invitation to ${email} is on its way.`).waitFor();
    await page.getByTestId(`staff-${email}`).getByText('Invited', { exact: true }).waitFor();
    await a11y.check('invited');

    const invitee = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const { page: doctor, a11y: doctorA11y } = await invitee.newPage();
    await doctor.goto(await linkIn(email, /invitation/));
    await doctor.getByLabel('New password', { exact: true }).waitFor();
    // The token leaves the address bar as soon as the page has read it.
    expect(new URL(doctor.url()).hash).toBe('');
    await doctorA11y.check('set password');
    await doctor.getByLabel('New password', { exact: true }).fill('the doctor chose this one');
    await doctor.getByLabel('Repeat the new password').fill('the doctor chose this one');
    await doctor.getByRole('button', { name: 'Save password' }).click();
    await doctor.getByText('Your password is saved.').waitFor();
    await doctorA11y.check('password saved');
    await doctor.getByRole('link', { name: 'Go to sign-in' }).click();
    await doctor.getByRole('link', { name: 'Forgot your password?' }).waitFor();
    await doctorA11y.check('sign-in');
    await doctor.getByLabel('E-mail').fill(email);
    await doctor.getByLabel('Password', { exact: true }).fill('the doctor chose this one');
    await doctor.getByRole('button', { name: 'Sign in', exact: true }).click();
    await doctor.getByText('Signed in as Dr. Ida Neu').waitFor();
    await doctorA11y.check('doctor signed in');

    await page.reload();
    const row = page.getByTestId(`staff-${email}`);
    await row.getByText('Active', { exact: true }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('Dr. Ida Neu has been deactivated.').waitFor();
    await a11y.check('deactivated');

    // The doctor's next request is refused at once: the page falls back to the sign-in.
    await doctor.goto(`${baseUrl}/staff`);
    await doctor.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await doctor.getByLabel('E-mail').fill(email);
    await doctor.getByLabel('Password', { exact: true }).fill('the doctor chose this one');
    await doctor.getByRole('button', { name: 'Sign in', exact: true }).click();
    await doctor.getByText('The e-mail address or password is not correct.').waitFor();
    await doctorA11y.check('refused');
    await invitee.close();
    await admin.close();
    // Two people and two mails on a shared machine: more room than a one-person journey.
  }, 90_000);

  it('an assistant who forgot the password gets a reset link by mail and signs in with the new one', async () => {
    const api = tenantApi('acme', port);
    const adminToken = await api.signIn('admin@acme.example', ADMIN_PASSPHRASE);
    const email = `assistant.${Date.now()}@acme.example`;
    await api.post('/staff/invitations', { email, displayName: 'Anna Assistant', roles: ['assistant'], locale: 'en' }, adminToken);
    const invitation = new URL(await linkIn(email, /invitation/)).hash.slice(1);
    expect((await api.call('POST', '/auth/password-link', { token: invitation, newPassword: 'first password of anna' })).status).toBe(204);

    const context = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const { page, a11y } = await context.newPage();
    await page.goto(`${baseUrl}/staff/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).waitFor();
    await a11y.check('sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The page loads lazily and the sign-in page also has an "E-mail" field: fill only once the new page is there.
    await page.getByRole('heading', { name: 'Forgot your password' }).waitFor();
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: 'Send link' }).click();
    await page.getByText('If an account with this address exists, a link is on its way.', { exact: false }).waitFor();
    await a11y.check('reset asked');

    await page.goto(await linkIn(email, /new password/));
    await page.getByLabel('New password', { exact: true }).fill('second password of anna');
    await a11y.check('reset link');
    await page.getByLabel('Repeat the new password').fill('second password of anna');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('Your password is saved.').waitFor();
    await page.getByRole('link', { name: 'Go to sign-in' }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('second password of anna');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as Anna Assistant').waitFor();
    await a11y.check('signed in with the new password');
    await context.close();
  });
});
