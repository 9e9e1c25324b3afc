import { describe, expect, it } from 'vitest';
import { r4SchemaErrors } from './r4-schema';
import { BOOKING_DEEP_LINK_URL, SLOT_CAPACITY_URL, bulkPublishManifest, schedulingFeed, toNdjson } from './scheduling-links';

const site = {
  id: '9b2c4f3e-1d0a-4c8b-9e7f-6a5b4c3d2e1f',
  name: 'Werk Nord',
  street: 'Hauptstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  country: 'DE',
  openingHours: 'Mo–Fr 8–16',
};
const product = { id: '1f2e3d4c-5b6a-4978-8877-665544332211', productName: 'Jcovden', euProductCode: 'EU/1/20/1525' };
const slot = (slotId: string, free: number) => ({
  slotId,
  siteId: site.id,
  productId: product.id,
  startsAt: '2030-03-01T08:00:00.000Z',
  endsAt: '2030-03-01T08:15:00.000Z',
  free,
});

describe('SMART Scheduling Links resources', () => {
  const feed = schedulingFeed({
    sites: [site],
    products: [product],
    slots: [slot('0a0a0a0a-0000-4000-8000-000000000001', 3), slot('0a0a0a0a-0000-4000-8000-000000000002', 0)],
    bookingUrl: 'https://acme.example/',
    publicUrl: 'https://acme.example',
    state: 'BE',
  });

  it('are valid R4 resources, one Schedule per site and product', () => {
    for (const resource of [...feed.locations, ...feed.schedules, ...feed.slots]) expect(r4SchemaErrors(resource)).toEqual([]);
    expect(feed.schedules).toHaveLength(1);
    expect(feed.schedules[0]!.actor).toEqual([{ reference: `Location/${site.id}` }]);
  });

  it('give a free slot its capacity and a booking link, and show a full one as busy without capacity', () => {
    const [free, full] = feed.slots;
    expect(free).toMatchObject({ status: 'free', schedule: { reference: `Schedule/${feed.schedules[0]!.id}` } });
    expect(free!.extension).toEqual([
      { url: BOOKING_DEEP_LINK_URL, valueUrl: `https://acme.example/?product=${product.id}&slot=0a0a0a0a-0000-4000-8000-000000000001` },
      { url: SLOT_CAPACITY_URL, valueInteger: 3 },
    ]);
    expect(full).toMatchObject({ status: 'busy' });
    expect(full!.extension!.map((extension) => extension.url)).toEqual([BOOKING_DEEP_LINK_URL]);
  });

  it('write one minified resource per line and a manifest naming the three files', () => {
    expect(toNdjson(feed.slots).split('\n')).toHaveLength(3);
    const manifest = bulkPublishManifest('https://acme.example/api/scheduling-links', '2030-01-01T00:00:00.000Z', ['BE']);
    expect(manifest.output.map((output) => output.url.split('/').pop())).toEqual(['locations.ndjson', 'schedules.ndjson', 'slots.ndjson']);
    expect(manifest.output[2]!.extension).toEqual({ state: ['BE'] });
    expect(manifest.request).toBe('https://acme.example/api/scheduling-links/$bulk-publish');
  });
});
