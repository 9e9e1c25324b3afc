import type { ProblemDetails, SchedulingManifest } from '@vaccinate/api-contracts';
import type { Location, Schedule, Slot } from '@vaccinate/fhir';
import { r4SchemaErrors } from '@vaccinate/fhir/r4-schema';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import examples from '../support/smart-scheduling-links-examples.json';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

/** The specification's timestamp: to the second at least, with an offset (FHIR instant). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** "up to 64 alphanumeric characters and may include - and ." */
const RESOURCE_ID = /^[A-Za-z0-9.-]{1,64}$/;
const REGISTRY = 'http://fhir-registry.smarthealthit.org';

interface Feed {
  manifest: SchedulingManifest;
  locations: Location[];
  schedules: Schedule[];
  slots: Slot[];
  text: string;
}

describe('SMART Scheduling Links feed', () => {
  let acme: RunningApi;
  let internal: RunningApi;
  let catalogue: Catalogue;
  let jcovdenSlotId: string;

  beforeAll(async () => {
    const adminUrl = inject('postgresAdminUrl');
    [acme, internal] = await Promise.all([
      provisionTestTenant(adminUrl, 'ssl-a').then((t) => startTestApi(t, { CAPTCHA_MAX_NUMBER: '200', SCHEDULING_LINKS: 'on', SCHEDULING_LINKS_STATE: 'BE' })),
      provisionTestTenant(adminUrl, 'ssl-b').then((t) => startTestApi(t)),
    ]);
    const doctor = await staffToken(acme, ['doctor']);
    catalogue = await createCatalogue(acme, doctor);
    const jcovdenDay = await createDay(acme, doctor, { siteId: catalogue.site.id, date: inDays(10), lots: [{ lotId: catalogue.jcovdenLot.id, doses: 20 }] });
    jcovdenSlotId = jcovdenDay.slots[0]!.id;
    // Comirnaty needs a second dose, and no day offers one: its first doses cannot be booked.
    await createDay(acme, doctor, { siteId: catalogue.otherSite.id, date: inDays(11), lots: [{ lotId: catalogue.comirnatyLot.id, doses: 20 }] });
  });
  afterAll(async () => {
    await acme?.close();
    await internal?.close();
  });

  async function ndjson<T>(url: string, accept?: string): Promise<{ items: T[]; text: string }> {
    const answer = await fetch(url, accept ? { headers: { accept } } : {});
    expect(answer.status, url).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/fhir+ndjson; charset=utf-8');
    expect(answer.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const text = await answer.text();
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    // One minified resource per line.
    for (const line of lines) expect(JSON.stringify(JSON.parse(line))).toBe(line);
    return { items: lines.map((line) => JSON.parse(line) as T), text };
  }

  async function readFeed(accept?: { manifest: string; files: string }): Promise<Feed> {
    const answer = await acme.request('/api/scheduling-links/$bulk-publish', accept ? { headers: { accept: accept.manifest } } : {});
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('last-modified')).toBeTruthy();
    const manifest = (await answer.json()) as SchedulingManifest;
    const urlOf = (type: string) => manifest.output.find((output) => output.type === type)!.url.replace(acme.config.publicUrl, acme.baseUrl);
    const [locations, schedules, slots] = await Promise.all([
      ndjson<Location>(urlOf('Location'), accept?.files),
      ndjson<Schedule>(urlOf('Schedule'), accept?.files),
      ndjson<Slot>(urlOf('Slot'), accept?.files),
    ]);
    return {
      manifest,
      locations: locations.items,
      schedules: schedules.items,
      slots: slots.items,
      text: JSON.stringify(manifest) + locations.text + schedules.text + slots.text,
    };
  }

  const slotOf = (feed: Feed, slotId: string) => feed.slots.find((slot) => extension(slot, 'booking-deep-link')?.valueUrl?.includes(`slot=${slotId}`));
  const extension = (resource: Slot | Schedule, name: string) => resource.extension?.find((candidate) => candidate.url === `${REGISTRY}/StructureDefinition/${name}`);

  it('publishes a manifest shaped like the specification example, pointing at one file per type', async () => {
    const { manifest } = await readFeed();
    expect(Object.keys(manifest).sort()).toEqual(Object.keys(examples.manifest).sort());
    expect(manifest.transactionTime).toMatch(TIMESTAMP);
    expect(manifest.request).toBe(`${acme.config.publicUrl}/api/scheduling-links/$bulk-publish`);
    expect(manifest.output.map((output) => output.type)).toEqual(['Location', 'Schedule', 'Slot']);
    for (const output of manifest.output) expect(output.url).toMatch(new RegExp(`^${acme.config.publicUrl}/api/scheduling-links/\\w+\\.ndjson$`));
    expect(manifest.output.find((output) => output.type === 'Slot')?.extension).toEqual({ state: ['BE'] });
    expect(manifest.error).toEqual([]);
  });

  it('serves Locations, Schedules and Slots that follow the specification and the R4 schema, with the Accept headers it names', async () => {
    const feed = await readFeed({ manifest: 'application/json', files: 'application/fhir+ndjson' });
    for (const resource of [...feed.locations, ...feed.schedules, ...feed.slots]) {
      expect(r4SchemaErrors(resource), `${resource.resourceType}/${resource.id}`).toEqual([]);
      expect(resource.id).toMatch(RESOURCE_ID);
    }
    // Every field the published examples carry, where the product has a value for it.
    for (const location of feed.locations) {
      expect(Object.keys(location)).toEqual(expect.arrayContaining(Object.keys(examples.location)));
      expect(location.telecom!.length).toBeGreaterThan(0);
      expect(location.address).toMatchObject({ line: [expect.any(String)], city: expect.any(String), state: 'BE', postalCode: expect.any(String) });
      expect(location.identifier[0]).toMatchObject({ system: acme.config.publicUrl, value: location.id });
    }
    expect(feed.locations.map((location) => location.name).sort()).toEqual([catalogue.site.name, catalogue.otherSite.name].sort());
    const locationRefs = new Set(feed.locations.map((location) => `Location/${location.id}`));
    for (const schedule of feed.schedules) {
      expect(Object.keys(schedule).sort()).toEqual(Object.keys(examples.schedule).sort());
      expect(schedule.serviceType).toEqual(examples.schedule.serviceType);
      expect(schedule.actor).toHaveLength(1);
      expect(locationRefs.has(schedule.actor[0]!.reference!)).toBe(true);
      expect(extension(schedule, 'vaccine-product')).toMatchObject({ valueCoding: { system: 'http://hl7.org/fhir/sid/cvx' } });
      expect(extension(schedule, 'vaccine-dose')).toEqual({ url: `${REGISTRY}/StructureDefinition/vaccine-dose`, valueInteger: 1 });
    }
    expect(feed.schedules.map((schedule) => extension(schedule, 'vaccine-product')?.valueCoding?.code).sort()).toEqual(['208', '212']);
    const scheduleRefs = new Set(feed.schedules.map((schedule) => `Schedule/${schedule.id}`));
    for (const slot of feed.slots) {
      expect(Object.keys(slot)).toEqual(expect.arrayContaining(Object.keys(examples.slot)));
      expect(scheduleRefs.has(slot.schedule.reference!)).toBe(true);
      expect(['free', 'busy']).toContain(slot.status);
      expect(slot.start).toMatch(TIMESTAMP);
      expect(slot.end).toMatch(TIMESTAMP);
      expect(Date.parse(slot.end)).toBeGreaterThan(Date.parse(slot.start));
      const link = new URL(extension(slot, 'booking-deep-link')!.valueUrl!);
      expect(link.origin).toBe(new URL(acme.config.publicUrl).origin);
      if (slot.status === 'free') expect(extension(slot, 'slot-capacity')?.valueInteger).toBeGreaterThan(0);
      else expect(extension(slot, 'slot-capacity')).toBeUndefined();
    }
    // Jcovden is one dose: its slots are free. Comirnaty's first doses have no second dose to go with them: busy.
    expect(slotOf(feed, jcovdenSlotId)).toMatchObject({ status: 'free' });
    expect(extension(slotOf(feed, jcovdenSlotId)!, 'slot-capacity')?.valueInteger).toBe(2);
    const comirnatySchedule = feed.schedules.find((schedule) => extension(schedule, 'vaccine-product')?.valueCoding?.code === '208')!;
    const comirnatySlots = feed.slots.filter((slot) => slot.schedule.reference === `Schedule/${comirnatySchedule.id}`);
    expect(comirnatySlots.length).toBeGreaterThan(0);
    expect(comirnatySlots.every((slot) => slot.status === 'busy')).toBe(true);
  });

  it('keeps transactionTime while nothing changes, moves it when a booking takes a place, and never carries who booked', async () => {
    const before = await readFeed();
    const again = await readFeed();
    expect(again.manifest.transactionTime).toBe(before.manifest.transactionTime);
    // A poller that holds this data set is told so, by tag or by date.
    const first = await acme.request('/api/scheduling-links/slots.ndjson');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect((await acme.request('/api/scheduling-links/slots.ndjson', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await acme.request('/api/scheduling-links/$bulk-publish', { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    const visitor = person({ givenName: 'Lieselotte', familyName: 'Quartermaine-Ødegaard' });
    const booked = await book(acme, { productId: catalogue.jcovden.id, doseKind: 'first', slotId: jcovdenSlotId, person: visitor });
    expect(booked.status).toBe(201);
    const after = await readFeed();
    expect(Date.parse(after.manifest.transactionTime)).toBeGreaterThan(Date.parse(before.manifest.transactionTime));
    expect((await acme.request('/api/scheduling-links/slots.ndjson', { headers: { 'if-none-match': etag } })).status).toBe(200);
    expect(extension(slotOf(after, jcovdenSlotId)!, 'slot-capacity')?.valueInteger).toBe(1);
    for (const secret of [visitor.familyName, visitor.givenName, visitor.email, visitor.birthDate, booked.body.code ?? 'no-code'])
      expect(after.text).not.toContain(secret);
  });

  it('is not published by a tenant that did not opt in: 404 as a problem', async () => {
    for (const path of ['/api/scheduling-links/$bulk-publish', '/api/scheduling-links/slots.ndjson']) {
      const answer = await internal.request(path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await answer.json()) as ProblemDetails).status).toBe(404);
    }
  });
});
