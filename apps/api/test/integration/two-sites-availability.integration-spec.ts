import type { Availability, FollowUpAvailability } from '@vaccinate/api-contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCatalogue, createDay, inDays, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

describe('two sites: no dead end', () => {
  let api: RunningApi;
  let catalogue: Catalogue;
  let doctor: string;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'two-sites'));
    doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor);
  });
  afterAll(() => api?.close());

  it('marks the one-off day that has no follow-up, and finds the follow-up at the other site when no site is named', async () => {
    const lot = catalogue.comirnatyLot.id;
    const lots = [{ lotId: lot, doses: 20 }];
    const firstOnly = { first: 2, followUp: 0, booster: 0 };
    const followUpOnly = { first: 0, followUp: 2, booster: 0 };
    // The second site's one-off day is the soonest, but nothing is free three to six weeks after it.
    const oneOff = await createDay(api, doctor, { siteId: catalogue.otherSite.id, date: inDays(3), lots });
    const mainFirst = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(30), lots, capacity: firstOnly });
    const mainSecond = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(55), lots, capacity: followUpOnly });
    const otherSecond = await createDay(api, doctor, { siteId: catalogue.otherSite.id, date: inDays(60), lots, capacity: followUpOnly });

    const availability = (await (await api.request(`/api/availability?productId=${catalogue.comirnaty.id}&doseKind=first`)).json()) as Availability;
    const byId = new Map(availability.days.map((day) => [day.dayId, day]));
    expect(byId.get(oneOff.id)?.followUpAvailable).toBe(false);
    expect(byId.get(mainFirst.id)?.followUpAvailable).toBe(true);
    // The same answer for one site: the follow-up may be anywhere.
    const atMain = (await (await api.request(`/api/availability?productId=${catalogue.comirnaty.id}&doseKind=first&siteId=${catalogue.site.id}`)).json()) as Availability;
    expect(atMain.days.map((day) => [day.dayId, day.followUpAvailable])).toEqual([[mainFirst.id, true]]);

    // "All places" searches every site, not only the first dose's.
    const fromMain = `/api/availability/follow-up?productId=${catalogue.comirnaty.id}&firstSlotId=${mainFirst.slots[0]?.id}`;
    const everywhere = (await (await api.request(fromMain)).json()) as FollowUpAvailability;
    expect(everywhere.days.map((day) => day.dayId).sort()).toEqual([mainSecond.id, otherSecond.id].sort());
    const onlyMain = (await (await api.request(`${fromMain}&siteId=${catalogue.site.id}`)).json()) as FollowUpAvailability;
    expect(onlyMain.days.map((day) => day.dayId)).toEqual([mainSecond.id]);
  });

  it('leaves doses without a series unmarked', async () => {
    await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(15), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }] });
    const availability = (await (await api.request(`/api/availability?productId=${catalogue.jcovden.id}&doseKind=first`)).json()) as Availability;
    expect(availability.days.length).toBeGreaterThan(0);
    expect(availability.days.every((day) => day.followUpAvailable === undefined)).toBe(true);
  });
});
