import type { BrowserContext, Page } from 'playwright-core';
import type { StaffLogin } from '../../helpers/triageApp';

/** Signs in through the form, as a person would, and waits for the queue. */
export async function signInAs(context: BrowserContext, url: string, login: StaffLogin): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/triage`);
  await page.getByLabel('Sign-in name').fill(login.id);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/triage`);
  return page;
}
