import type { Page } from 'playwright-core';

/**
 * Signs the tenant's admin in: with the one-time password (then choosing `passphrase`) when this
 * is the first sign-in, with `passphrase` when an earlier journey chose it already.
 */
export async function signInAsAdmin(page: Page, baseUrl: string, email: string, oneTimePassword: string, passphrase: string): Promise<void> {
  const attempt = async (password: string) => {
    await page.goto(`${baseUrl}/staff/sign-in`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const outcome = await Promise.race([
      page.getByLabel('Current password').waitFor().then(() => 'change' as const),
      page.getByText(/Signed in as/).waitFor().then(() => 'in' as const),
      page.getByRole('alert').waitFor().then(() => 'refused' as const),
    ]);
    return outcome;
  };
  let outcome = await attempt(oneTimePassword);
  if (outcome === 'refused') outcome = await attempt(passphrase);
  if (outcome === 'change') {
    await page.getByLabel('Current password').fill(oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill(passphrase);
    await page.getByLabel('Repeat new password').fill(passphrase);
    await page.getByRole('button', { name: 'Change password' }).click();
  }
  await page.getByText(/Signed in as/).waitFor({ timeout: 15_000 });
}
