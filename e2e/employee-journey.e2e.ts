import type { Availability, BookingConfirmation, FollowUpAvailability, Lot, PublicCatalogue, Site, VaccinationDay, VaccineProduct } from '@vaccinate/api-contracts';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { tenantApi } from './support/tenant-api';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Counts what a person does: pointer clicks, navigation keys (Tab, Enter, …) and typed characters. */
class EffortMeter {
  clicks = 0;
  keys = 0;
  typed = 0;
  private readonly started = Date.now();
  constructor(private readonly page: Page) {}
  async click(target: { click: () => Promise<void> }) {
    this.clicks += 1;
    await target.click();
  }
  async press(key: string) {
    this.keys += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string) {
    this.typed += text.length;
    await this.page.keyboard.type(text);
  }
  async fill(target: { fill: (value: string) => Promise<void> }, value: string) {
    this.typed += value.length;
    await target.fill(value);
  }
  summary(label: string): string {
    return `${label}: ${this.clicks} clicks, ${this.keys} keys, ${this.typed} typed characters, ${((Date.now() - this.started) / 1000).toFixed(1)} s`;
  }
}

/** The name of the element that has focus, and whether it lies inside the visible viewport. */
async function focused(page: Page): Promise<{ text: string; inView: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const box = element?.getBoundingClientRect();
    return {
      text: (element?.textContent ?? '').trim(),
      inView: box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight,
    };
  });
}

interface JourneyDevice {
  label: string;
  viewport: { width: number; height: number };
  isMobile: boolean;
  /** Which of the first dates the run books on, and which free time of it each run takes. */
  day: number;
  times: { keyboard: number; pointer: number };
}

describe('the employee journey: a way forward from every page, in the reader’s language', () => {
  const port = inject('gatewayPort');
  const origin = `http://acme.localhost:${port}`;
  const api = tenantApi('acme', port);
  let browser: Browser;
  let catalogue: PublicCatalogue;
  let comirnaty: PublicCatalogue['products'][number];

  beforeAll(async () => {
    browser = await launchBrowser();
    catalogue = await api.get<PublicCatalogue>('/catalogue');
    comirnaty = catalogue.products.find((product) => product.name === 'Comirnaty') as PublicCatalogue['products'][number];
  });
  afterAll(() => browser?.close());

  /** A booking as the page sends it: with an Idempotency-Key, which the API requires. */
  async function postBooking<T>(body: Record<string, unknown>): Promise<T> {
    const answer = await api.call<T>('POST', '/bookings', { ...body, captcha: await api.captcha() }, { 'idempotency-key': randomUUID() });
    if (answer.status !== 201) throw new Error(`POST /bookings answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Books Comirnaty through the API: the first dose on the earliest free day, the second on the latest one its interval allows. */
  async function bookSeries(email: string): Promise<{ booking: BookingConfirmation; followUpDate: string }> {
    const first = await api.get<Availability>(`/availability?productId=${comirnaty.id}&doseKind=first`);
    const firstDay = first.days.find((day) => day.slots.some((slot) => slot.free > 0));
    const firstSlot = firstDay?.slots.find((slot) => slot.free > 0);
    if (!firstDay || !firstSlot) throw new Error('no free first-dose time in the demo catalogue');
    const followUp = await api.get<FollowUpAvailability>(`/availability/follow-up?productId=${comirnaty.id}&firstSlotId=${firstSlot.slotId}`);
    const followUpDay = [...followUp.days].reverse().find((day) => day.slots.some((slot) => slot.free > 0));
    const followUpSlot = followUpDay?.slots.find((slot) => slot.free > 0);
    if (!followUpDay || !followUpSlot) throw new Error('no free follow-up time in the demo catalogue');
    const booking = await postBooking<BookingConfirmation>({
      productId: comirnaty.id,
      doseKind: 'first',
      slotId: firstSlot.slotId,
      followUpSlotId: followUpSlot.slotId,
      person: { givenName: 'Rebecca', familyName: 'Umbucher', email, birthDate: '1980-05-17' },
    });
    return { booking, followUpDate: followUpDay.date };
  }

  it('rebooking the first dose offers only dates that keep the booked second dose inside its interval, in German', async () => {
    const { booking, followUpDate } = await bookSeries(`rebook.${randomUUID().slice(0, 8)}@acme.example`);
    const interval = comirnaty.followUpIntervals.find((candidate) => candidate.dose === 2);
    if (!interval) throw new Error('Comirnaty has no interval for dose 2');
    const allowed = { earliest: addDays(followUpDate, -interval.maxDays), latest: addDays(followUpDate, -interval.minDays) };
    const firstDays = (await api.get<Availability>(`/availability?productId=${comirnaty.id}&doseKind=first`)).days;
    const possible = firstDays.filter((day) => day.date >= allowed.earliest && day.date <= allowed.latest);
    // The test can fail: without the narrowing, days after the second dose would be offered too.
    expect(possible.length).toBeLessThan(firstDays.length);

    const session = await checkedContext(browser, { locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const { page, a11y } = await session.newPage();
    await page.goto(`${origin}/booking/manage#${encodeURIComponent(booking.manageToken)}`);
    await page.getByRole('button', { name: 'Termin ändern' }).click();
    await page.getByRole('radio', { name: /Dosis 1/ }).check();
    const rebook = page.locator('section.rebook');
    await rebook.getByText(/Angeboten werden nur Daten/).waitFor({ timeout: 15_000 });
    await expect.poll(() => rebook.locator('.day-button').count()).toBe(possible.length);
    const windowText = (await rebook.getByText(/Angeboten werden nur Daten/).textContent()) ?? '';
    expect(windowText).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates in the reader's format, never ISO
    expect(windowText).not.toContain('..');
    await a11y.check('rebook panel');
    await session.close();
  });

  it('marks a malformed tracking code on the German status page at its field, in German', async () => {
    const session = await checkedContext(browser, { locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const { page, a11y } = await session.newPage();
    await page.goto(`${origin}/registration/status#R12-NOPE`);
    await page.getByLabel('Geburtsdatum').fill('1975-03-09');
    await page.getByRole('button', { name: 'Stand anzeigen' }).click();
    const code = page.getByLabel('Code', { exact: true });
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await code.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/^Bitte geben Sie den Code so ein/);
    expect(await page.getByRole('alert').textContent()).toBe('Bitte korrigieren Sie die markierten Felder.');
    await a11y.check('tracking code marked');
    await session.close();
  });

  it('offers the waiting list with the vaccine filled in when every time of a vaccine is booked', async () => {
    const doctor = await api.signIn('doctor@acme.example', inject('demoStaffPasswords')['acme'] ?? '');
    const site = (await api.get<Site[]>('/sites', doctor))[0] as Site;
    const name = `Nuvaxovid ${randomUUID().slice(0, 4).toUpperCase()}`;
    const product = await api.post<VaccineProduct>(
      '/vaccines',
      {
        name,
        manufacturer: 'Novavax CZ a.s.',
        euProductCode: 'EU/1/21/1618',
        marketingAuthorisationHolder: 'ORG-100032020',
        prophylaxisCode: '1119349007',
        primaryDoses: 1,
        followUpIntervals: [],
        boosterMinDaysAfterSeries: null,
        minAgeYears: 18,
        maxAgeYears: null,
        active: true,
      },
      doctor,
    );
    const lot = await api.post<Lot>(
      '/lots',
      { productId: product.id, lotNumber: `SOLD${randomUUID().slice(0, 6).toUpperCase()}`, expiryDate: inDays(200), dosesReceived: 1 },
      doctor,
    );
    const day = await api.post<VaccinationDay>(
      '/vaccination-days',
      {
        siteId: site.id,
        date: inDays(3),
        opensAt: '08:00',
        closesAt: '08:10',
        slotMinutes: 10,
        capacityPerSlot: { first: 1, followUp: 0, booster: 0 },
        lots: [{ lotId: lot.id, doses: 1 }],
      },
      doctor,
    );
    const onlySlot = day.slots[0];
    if (!onlySlot) throw new Error('the day has no slot');
    await postBooking({
      productId: product.id,
      doseKind: 'first',
      slotId: onlySlot.id,
      person: { givenName: 'Frida', familyName: 'Früh', email: `early.${randomUUID().slice(0, 8)}@acme.example`, birthDate: '1970-01-02' },
    });

    const session = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const { page, a11y } = await session.newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name }).click();
    await page.getByRole('radio', { name: 'First dose' }).check();
    const waitingList = page.getByRole('region', { name: 'Choose a date and time' }).getByRole('link', { name: 'Join the waiting list' });
    await waitingList.waitFor({ timeout: 15_000 });
    await a11y.check('nothing free');
    await waitingList.click();
    const vaccine = page.getByLabel('Vaccine', { exact: true });
    await expect.poll(() => vaccine.inputValue(), { timeout: 15_000 }).toBe(product.id);
    await a11y.check('waiting list, vaccine filled in');
    await session.close();
  });

  it('tells the person when the booking gets no answer, and the retry books once with the same key', async () => {
    const session = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const { page, a11y } = await session.newPage();
    const keys: string[] = [];
    let heldAnswer: BookingConfirmation | null = null;
    await page.route('**/api/bookings', async (route) => {
      keys.push((await route.request().headerValue('idempotency-key')) ?? '');
      if (keys.length === 1) {
        // The request reaches the API and books, but its answer never comes back to the page: it is
        // sent on from here (Node does not resolve *.localhost, so not with route.fetch) and held.
        const held = await api.call<BookingConfirmation>('POST', '/bookings', route.request().postDataJSON(), { 'idempotency-key': keys[0] ?? '' });
        heldAnswer = held.body;
        return; // left hanging: the page's own time limit has to end the wait
      }
      await route.continue();
    });
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: /Comirnaty/ }).click();
    await page.getByRole('radio', { name: 'First dose' }).check();
    await page
      .getByRole('group', { name: /times on/i })
      .first()
      .getByRole('button', { disabled: false })
      .first()
      .click();
    await page.getByRole('button', { name: /^Keep .* and continue$/ }).click({ timeout: 15_000 });
    await page.getByLabel('Given name').fill('Hanna');
    await page.getByLabel('Family name').fill('Hängend');
    await page.getByLabel('E-mail').fill(`hanging.${randomUUID().slice(0, 8)}@acme.example`);
    await page.getByLabel('Date of birth').fill('1988-11-30');
    await page.getByRole('button', { name: 'Book appointment' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'The server has not answered' });
    await alert.waitFor({ timeout: 30_000 });
    await a11y.check('no answer');
    await alert.getByRole('button', { name: 'Try again' }).click();
    const code = page.getByTestId('booking-code');
    await code.waitFor({ timeout: 20_000 });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    // The retry was answered with the booking the lost request had made: booked once.
    expect(((await code.textContent()) ?? '').trim()).toBe((heldAnswer as BookingConfirmation | null)?.bookingCode);
    await session.close();
  });

  /** The booking page on the device, Comirnaty's first-dose times open on the device's day; `time` is the run's own time. */
  async function openFirstDoseTimes(device: JourneyDevice, run: 'keyboard' | 'pointer') {
    const session = await checkedContext(browser, {
      locale: 'en-US',
      timezoneId: 'Europe/Berlin',
      viewport: device.viewport,
      isMobile: device.isMobile,
      hasTouch: device.isMobile,
    });
    const { page, a11y } = await session.newPage();
    const meter = new EffortMeter(page);
    await page.goto(`${origin}/`);
    await meter.click(page.getByRole('button', { name: /Comirnaty/ }));
    await meter.click(page.getByRole('radio', { name: 'First dose' }));
    if (device.day > 0) await meter.click(page.getByRole('list', { name: 'Dates' }).first().getByRole('button').nth(device.day));
    const time = page
      .getByRole('group', { name: /times on/i })
      .first()
      .getByRole('button', { disabled: false })
      .nth(device.times[run]);
    await time.waitFor({ timeout: 15_000 });
    return { session, page, a11y, meter, time };
  }

  for (const device of [
    // Each run takes its own time, the phone's on the third day (whose follow-up falls on another
    // day), so the runs do not compete for the places of one follow-up time.
    { label: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, day: 0, times: { keyboard: 4, pointer: 8 } },
    { label: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, day: 2, times: { keyboard: 12, pointer: 16 } },
  ] satisfies JourneyDevice[]) {
    it(`books keyboard-only in fewer than 20 keys from the chosen time to "Book" (${device.label})`, async () => {
      const { session, page, a11y, meter, time } = await openFirstDoseTimes(device, 'keyboard');
      await a11y.check('times');
      await time.focus();

      const answers: string[] = [];
      page.on('response', (response) => {
        if (response.url().endsWith('/api/bookings')) void response.text().then((text) => answers.push(`${response.status()} ${text}`));
      });
      const keysBefore = meter.keys;
      await meter.press('Enter');
      // The next step takes focus and is scrolled into view, on a phone too.
      await expect.poll(async () => (await focused(page)).text).toBe('Your follow-up dose');
      await page.getByRole('button', { name: /^Keep .* and continue$/ }).waitFor({ timeout: 15_000 });
      await expect.poll(async () => (await focused(page)).inView).toBe(true);

      await meter.press('Tab');
      expect((await focused(page)).text).toMatch(/^Keep .* and continue$/);
      await meter.press('Enter');
      await expect.poll(async () => (await focused(page)).text).toBe('Your details');
      // Focus lands first; the smooth scroll brings the heading into view a few frames later.
      await expect.poll(async () => (await focused(page)).inView).toBe(true);
      await a11y.check('details');
      await meter.press('Tab');
      await meter.type('Kim');
      await meter.press('Tab');
      await meter.type('Tastatur');
      await meter.press('Tab');
      await meter.type(`keys.${device.label}.${randomUUID().slice(0, 8)}@acme.example`);
      await meter.press('Tab');
      await meter.type('03141990'); // mm dd yyyy in the en-US date input
      let toBook = 0;
      while ((await focused(page)).text !== 'Book appointment' && toBook < 10) {
        await meter.press('Tab');
        toBook += 1;
      }
      expect((await focused(page)).text).toBe('Book appointment');
      await meter.press('Enter');
      const outcome = await Promise.race([
        page
          .getByTestId('booking-code')
          .waitFor({ timeout: 30_000 })
          .then(() => 'booked'),
        page
          .getByRole('alert')
          .waitFor({ timeout: 30_000 })
          .then(async () => `refused: ${await page.getByRole('alert').first().textContent()}`),
      ]);
      expect(outcome, answers.join('\n')).toBe('booked');
      const keysFromTime = meter.keys - keysBefore;
      console.log(`${meter.summary(`keyboard booking, ${device.label}`)}; ${keysFromTime} keys from the chosen time to "Book"`);
      expect(keysFromTime).toBeLessThan(20);
      await session.close();
    });

    it(`books with the pointer and reports the effort (${device.label})`, async () => {
      const { session, page, a11y, meter, time } = await openFirstDoseTimes(device, 'pointer');
      await meter.click(time);
      const keep = page.getByRole('button', { name: /^Keep .* and continue$/ });
      await keep.waitFor({ timeout: 15_000 });
      await expect.poll(async () => (await focused(page)).inView).toBe(true);

      // Switching the language halfway keeps the vaccine and both times (not counted: a detour).
      const pressedTimes = await page.locator('.time-button[aria-pressed="true"]').count();
      await page.getByRole('button', { name: /^DE/ }).click();
      await page.getByRole('heading', { name: 'Ihre Folgeimpfung' }).waitFor();
      expect(await page.getByRole('button', { name: /Comirnaty/ }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByRole('radio', { name: 'Erstimpfung' }).isChecked()).toBe(true);
      expect(await page.locator('.time-button[aria-pressed="true"]').count()).toBe(pressedTimes);
      await a11y.check('German, halfway');
      await page.getByRole('button', { name: /^EN/ }).click();
      // Choosing a follow-up time goes on to the details as "Keep … and continue" does; a time of
      // its own keeps this run from competing for the preselected one.
      const followUpTimes = page.locator('[aria-labelledby="booking-follow-up-title"]').getByRole('group', { name: /times on/i });
      await meter.click(followUpTimes.getByRole('button', { disabled: false }).nth(device.times.pointer));
      await meter.fill(page.getByLabel('Given name'), 'Paula');
      await meter.fill(page.getByLabel('Family name'), 'Zeiger');
      await meter.fill(page.getByLabel('E-mail'), `pointer.${device.label}.${randomUUID().slice(0, 8)}@acme.example`);
      await meter.fill(page.getByLabel('Date of birth'), '1979-06-21');
      await a11y.check('details filled in');
      await meter.click(page.getByRole('button', { name: 'Book appointment' }));
      await page.getByTestId('booking-code').waitFor({ timeout: 20_000 });
      console.log(meter.summary(`pointer booking, ${device.label}`));
      await session.close();
    });
  }

  it('the German lots page has no serious accessibility violation', async () => {
    const session = await checkedContext(browser, { locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const { page, a11y } = await session.newPage();
    await page.goto(`${origin}/staff/sign-in`);
    await page.getByLabel('E-Mail').waitFor({ timeout: 15_000 });
    await a11y.check('sign-in');
    await page.getByLabel('E-Mail').fill('doctor@acme.example');
    await page.getByLabel('Passwort', { exact: true }).fill(inject('demoStaffPasswords')['acme'] ?? '');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByText(/Angemeldet als/).waitFor({ timeout: 15_000 });
    await a11y.check('signed in');
    await page.goto(`${origin}/staff/lots`);
    await page
      .getByRole('button', { name: /^Verwurf erfassen/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await session.close(); // checks the lots page, and fails if the sign-in pages went unchecked
  }, 90_000);
});
