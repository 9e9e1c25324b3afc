import type { VaccineProductInput } from '@vaccinate/api-contracts';
import { addDays } from '@vaccinate/dose-schedule';
import { publicHolidayOn } from '../common/public-holidays';
import { weekdayOfDate } from '../modules/vaccination-day/opening-days.util';
import type { CatalogueService } from '../modules/catalogue/catalogue.service';
import type { VaccinationDayService } from '../modules/vaccination-day/vaccination-day.service';

/** Real products with their EU DCC codes (value sets vaccine-medicinal-product, -mah-manf, -prophylaxis). */
export const DEMO_PRODUCTS: VaccineProductInput[] = [
  {
    name: 'Comirnaty',
    manufacturer: 'BioNTech Manufacturing GmbH',
    euProductCode: 'EU/1/20/1528',
    marketingAuthorisationHolder: 'ORG-100030215',
    prophylaxisCode: '1119349007',
    primaryDoses: 2,
    followUpIntervals: [{ dose: 2, minDays: 21, recommendedDays: 21, maxDays: 42 }],
    boosterMinDaysAfterSeries: 90,
    minAgeYears: 12,
    maxAgeYears: null,
    active: true,
  },
  {
    name: 'Spikevax',
    manufacturer: 'Moderna Biotech Spain S.L.',
    euProductCode: 'EU/1/20/1507',
    marketingAuthorisationHolder: 'ORG-100031184',
    prophylaxisCode: '1119349007',
    primaryDoses: 2,
    followUpIntervals: [{ dose: 2, minDays: 28, recommendedDays: 28, maxDays: 42 }],
    boosterMinDaysAfterSeries: 90,
    minAgeYears: 12,
    maxAgeYears: null,
    active: true,
  },
  {
    name: 'Jcovden',
    manufacturer: 'Janssen-Cilag International',
    euProductCode: 'EU/1/20/1525',
    marketingAuthorisationHolder: 'ORG-100001417',
    prophylaxisCode: '29061000087103',
    primaryDoses: 1,
    followUpIntervals: [],
    boosterMinDaysAfterSeries: 60,
    minAgeYears: 18,
    maxAgeYears: null,
    active: true,
  },
];

/** First-dose days soon, and follow-up days inside every product's interval after them. */
const DEMO_DAY_OFFSETS = [2, 4, 9, 25, 30, 32, 36];

/**
 * The demo days' dates: each offset moved on to the next working day (Monday to Friday, not a public
 * holiday of the region), as the demo site opens Mon–Fri; never two days on one date.
 */
export function demoDayDates(today: string, region: string): string[] {
  const dates: string[] = [];
  for (const offset of DEMO_DAY_OFFSETS) {
    let date = addDays(today, offset);
    while (weekdayOfDate(date) > 5 || publicHolidayOn(region, date) !== null || dates.includes(date)) date = addDays(date, 1);
    dates.push(date);
  }
  return dates;
}

/** A bookable demo: one site, three products with lots, a few weeks of days. Only on an empty catalogue. */
export async function seedDemoCatalogue(catalogue: CatalogueService, days: VaccinationDayService, today: string, holidayRegion = 'DE'): Promise<boolean> {
  if ((await catalogue.listProducts()).length > 0) return false;
  const site = await catalogue.createSite({
    name: 'Medical service, building 7',
    street: 'Hauptstraße 1',
    postalCode: '10115',
    city: 'Berlin',
    openingHours: 'Mon–Fri 08:00–12:00',
    stations: 2,
  });
  const lots = [];
  for (const [index, input] of DEMO_PRODUCTS.entries()) {
    const product = await catalogue.createProduct(input);
    lots.push(
      await catalogue.createLot(
        { productId: product.id, lotNumber: `DEMO-${input.name.slice(0, 2).toUpperCase()}-${index + 1}`, expiryDate: addDays(today, 180), dosesReceived: 1_000 },
        today,
      ),
    );
  }
  for (const date of demoDayDates(today, holidayRegion)) {
    await days.create({
      siteId: site.id,
      date,
      opensAt: '08:00',
      closesAt: '12:00',
      slotMinutes: 10,
      capacityPerSlot: { first: 2, followUp: 2, booster: 1 },
      lots: lots.map((lot) => ({ lotId: lot.id, doses: 60 })),
    });
  }
  return true;
}
