import type { Page } from 'playwright-core';
import type { AccessibilityWatch } from './accessibility';

/**
 * Signs the tenant's admin in: with the one-time password (then choosing `passphrase`) when this
 * is the first sign-in, with `passphrase` when an earlier journey chose it already. With `a11y`, each
 * page on the way is checked.
 */
export async function signInAsAdmin(page: Page, baseUrl: string, email: string, oneTimePassword: string, passphrase: string, a11y?: AccessibilityWatch): Promise<void> {
  const attempt = async (password: string) => {
    await page.goto(`${baseUrl}/staff/sign-in`);
    await page.getByLabel('E-mail').waitFor();
    await a11y?.check('sign-in');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const outcome = await Promise.race([
      page
        .getByLabel('Current password')
        .waitFor()
        .then(() => 'change' as const),
      page
        .getByText(/Signed in as/)
        .waitFor()
        .then(() => 'in' as const),
      page
        .getByRole('alert')
        .waitFor()
        .then(() => 'refused' as const),
    ]);
    return outcome;
  };
  let outcome = await attempt(oneTimePassword);
  if (outcome === 'refused') outcome = await attempt(passphrase);
  if (outcome === 'change') {
    await a11y?.check('password change');
    await page.getByLabel('Current password').fill(oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill(passphrase);
    await page.getByLabel('Repeat new password').fill(passphrase);
    await page.getByRole('button', { name: 'Change password' }).click();
  }
  await page.getByText(/Signed in as/).waitFor({ timeout: 15_000 });
  await a11y?.check('signed in');
}
