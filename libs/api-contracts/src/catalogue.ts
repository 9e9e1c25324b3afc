/** A place where vaccination days happen. Not personal data. */
export interface Site {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  /** Free text shown to employees, e.g. "Mon–Fri 08:00–16:00". */
  openingHours: string;
  /** Vaccination stations (rooms or lanes) working in parallel. */
  stations: number;
  version: number;
}

export type SiteInput = Omit<Site, 'id' | 'version'>;

/** The interval before dose `dose` of the primary series, counted from the previous dose. */
export interface FollowUpInterval {
  dose: number;
  minDays: number;
  recommendedDays: number;
  maxDays: number;
}

export interface VaccineProduct {
  id: string;
  name: string;
  manufacturer: string;
  /** EU DCC value sets: medicinal product (mp), marketing authorisation holder (ma), prophylaxis (vp). */
  euProductCode: string;
  marketingAuthorisationHolder: string;
  prophylaxisCode: string;
  primaryDoses: number;
  followUpIntervals: FollowUpInterval[];
  /** Days after the last dose of the primary series before a booster; null when no booster is offered. */
  boosterMinDaysAfterSeries: number | null;
  minAgeYears: number;
  maxAgeYears: number | null;
  active: boolean;
  version: number;
}

export type VaccineProductInput = Omit<VaccineProduct, 'id' | 'version'>;

export interface Lot {
  id: string;
  productId: string;
  lotNumber: string;
  /** ISO date. */
  expiryDate: string;
  dosesReceived: number;
  /** Doses promised to vaccination days. */
  dosesAssigned: number;
  dosesUsed: number;
  dosesWasted: number;
}

export interface LotInput {
  productId: string;
  lotNumber: string;
  expiryDate: string;
  dosesReceived: number;
}

/** What the public booking page needs to start: active products and the sites. */
export interface PublicCatalogue {
  /** Whether the booking form must ask for the employee number. */
  requireEmployeeNumber?: boolean;
  /** IANA zone the center's times are in, e.g. Europe/Berlin. */
  timeZone?: string;
  products: Pick<VaccineProduct, 'id' | 'name' | 'manufacturer' | 'primaryDoses' | 'followUpIntervals' | 'minAgeYears' | 'maxAgeYears'>[];
  sites: Pick<Site, 'id' | 'name' | 'street' | 'postalCode' | 'city' | 'openingHours'>[];
}
