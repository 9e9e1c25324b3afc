import type { LoginResponse, Person, StaffProfile } from '@vaccinate/api-contracts';

export const doctor: StaffProfile = {
  id: '5b0e6f7e-3d1c-4c53-9d43-7f1a0d0e0001',
  email: 'dr.meyer@acme.example',
  displayName: 'Dr. Anna Meyer',
  roles: ['doctor'],
  mustChangePassword: false,
};

export function loginResponse(staff: StaffProfile = doctor, accessToken = 'token-1'): LoginResponse {
  return { accessToken, tokenType: 'Bearer', expiresIn: 3600, staff };
}

export const ada: Person = {
  id: '9f1c2d4e-0000-4000-8000-000000000001',
  givenName: 'Ada',
  familyName: 'Lovelace',
  email: 'ada@acme.example',
  birthDate: '1990-12-10',
  phone: null,
  employeeNumber: 'E-1815',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
};
