/** A person the tenant vaccinates: an employee or another recipient. All fields but `id` are personal data. */
export interface PersonInput {
  givenName: string;
  familyName: string;
  email: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  phone?: string | null;
  employeeNumber?: string | null;
}

export interface Person extends PersonInput {
  id: string;
  phone: string | null;
  employeeNumber: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PersonPage {
  items: Person[];
  total: number;
  limit: number;
  offset: number;
}
