import { CVX_SYSTEM } from '@vaccinate/smart-health-card';
import type { CodeableConcept, Extension, Location, Schedule, Slot } from './fhir-types';
import { nameBasedUuid } from './resource-id';
import { vaccineCodeOf, type VaccineProductNames } from './vaccine-code';

/** SMART Scheduling Links (https://github.com/smart-on-fhir/smart-scheduling-links/blob/master/specification.md). */
export const NDJSON_MEDIA_TYPE = 'application/fhir+ndjson';
const REGISTRY = 'http://fhir-registry.smarthealthit.org';
export const SLOT_CAPACITY_URL = `${REGISTRY}/StructureDefinition/slot-capacity`;
export const BOOKING_DEEP_LINK_URL = `${REGISTRY}/StructureDefinition/booking-deep-link`;
export const VACCINE_PRODUCT_URL = `${REGISTRY}/StructureDefinition/vaccine-product`;
export const VACCINE_DOSE_URL = `${REGISTRY}/StructureDefinition/vaccine-dose`;

/** The two codings the specification requires of a COVID-19 immunization Schedule. */
export const COVID_19_IMMUNIZATION_SERVICE: CodeableConcept = {
  coding: [
    { system: 'http://terminology.hl7.org/CodeSystem/service-type', code: '57', display: 'Immunization' },
    { system: `${REGISTRY}/CodeSystem/service-type`, code: 'covid19-immunization', display: 'COVID-19 Immunization Appointment' },
  ],
};

export type ScheduleOutputType = 'Location' | 'Schedule' | 'Slot';

export interface BulkPublishManifest {
  transactionTime: string;
  request: string;
  output: { type: ScheduleOutputType; url: string; extension?: { state: string[] } }[];
  error: never[];
}

/** A site as the public may see it: an address, never a person. */
export interface PublishedSite {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  openingHours: string;
}

export interface PublishedProduct extends VaccineProductNames {
  id: string;
}

export interface PublishedSlot {
  slotId: string;
  siteId: string;
  productId: string;
  startsAt: string;
  endsAt: string;
  /** Places a new first-dose booking can take now; 0 shows the slot as busy. */
  free: number;
}

export interface SchedulingFeedInput {
  sites: readonly PublishedSite[];
  products: readonly PublishedProduct[];
  slots: readonly PublishedSlot[];
  /** The tenant's booking page. */
  bookingUrl: string;
  /** The tenant's public address: the Locations' contact point. */
  publicUrl: string;
  /** The state or jurisdiction of every site, when the tenant names one. */
  state?: string;
}

export interface SchedulingFeed {
  locations: Location[];
  schedules: Schedule[];
  slots: Slot[];
}

const SCHEDULE_NAMESPACE = 'smart-scheduling-links/schedule';
const SLOT_NAMESPACE = 'smart-scheduling-links/slot';

/** One Schedule per site and product (the specification asks for one vaccine product per Schedule), first doses only. */
export function scheduleIdOf(siteId: string, productId: string): string {
  return nameBasedUuid(SCHEDULE_NAMESPACE, `${siteId}/${productId}`);
}

/**
 * The Location, Schedule and Slot resources of the tenant's bookable first doses. Every value
 * comes from the site, product and slot tables: nothing about a person is in them.
 */
export function schedulingFeed(input: SchedulingFeedInput): SchedulingFeed {
  const productsById = new Map(input.products.map((product) => [product.id, product]));
  const offered = new Set(input.slots.map((slot) => `${slot.siteId}/${slot.productId}`));
  const locations = input.sites.map((site) => locationOf(site, input.publicUrl, input.state));
  const schedules: Schedule[] = [];
  for (const site of input.sites) {
    for (const product of input.products) {
      if (offered.has(`${site.id}/${product.id}`)) schedules.push(scheduleOf(site.id, product));
    }
  }
  const slots = input.slots
    .filter((slot) => productsById.has(slot.productId))
    .map((slot): Slot => {
      const scheduleId = scheduleIdOf(slot.siteId, slot.productId);
      const link = new URL(input.bookingUrl);
      link.searchParams.set('product', slot.productId);
      link.searchParams.set('slot', slot.slotId);
      const extension: Extension[] = [{ url: BOOKING_DEEP_LINK_URL, valueUrl: link.toString() }];
      if (slot.free > 0) extension.push({ url: SLOT_CAPACITY_URL, valueInteger: slot.free });
      return {
        resourceType: 'Slot',
        id: nameBasedUuid(SLOT_NAMESPACE, `${scheduleId}/${slot.slotId}`),
        schedule: { reference: `Schedule/${scheduleId}` },
        status: slot.free > 0 ? 'free' : 'busy',
        start: slot.startsAt,
        end: slot.endsAt,
        extension,
      };
    });
  return { locations, schedules, slots };
}

function locationOf(site: PublishedSite, publicUrl: string, state: string | undefined): Location {
  return {
    resourceType: 'Location',
    id: site.id,
    // The specification asks for an identifier whose system is a page of the publisher.
    identifier: [{ system: publicUrl, value: site.id }],
    name: site.name,
    telecom: [{ system: 'url', value: publicUrl }],
    address: { line: [site.street], city: site.city, ...(state ? { state } : {}), postalCode: site.postalCode, country: site.country },
    ...(site.openingHours.trim() ? { description: site.openingHours.trim() } : {}),
  };
}

function scheduleOf(siteId: string, product: PublishedProduct): Schedule {
  const cvx = vaccineCodeOf(product).coding?.find((coding) => coding.system === CVX_SYSTEM);
  return {
    resourceType: 'Schedule',
    id: scheduleIdOf(siteId, product.id),
    serviceType: [COVID_19_IMMUNIZATION_SERVICE],
    actor: [{ reference: `Location/${siteId}` }],
    extension: [
      { url: VACCINE_DOSE_URL, valueInteger: 1 },
      ...(cvx ? [{ url: VACCINE_PRODUCT_URL, valueCoding: { system: cvx.system, code: cvx.code, ...(cvx.display ? { display: cvx.display } : {}) } }] : []),
    ],
  };
}

/** One minified resource per line. */
export function toNdjson(resources: readonly object[]): string {
  return resources.map((resource) => `${JSON.stringify(resource)}\n`).join('');
}

/** The manifest: `transactionTime` is when availability last changed, so a client can tell a new data set. */
export function bulkPublishManifest(baseUrl: string, transactionTime: string, region: readonly string[]): BulkPublishManifest {
  const file = (type: ScheduleOutputType, name: string) => ({
    type,
    url: `${baseUrl}/${name}`,
    ...(type === 'Slot' && region.length > 0 ? { extension: { state: [...region] } } : {}),
  });
  return {
    transactionTime,
    request: `${baseUrl}/$bulk-publish`,
    output: [file('Location', 'locations.ndjson'), file('Schedule', 'schedules.ndjson'), file('Slot', 'slots.ndjson')],
    error: [],
  };
}
