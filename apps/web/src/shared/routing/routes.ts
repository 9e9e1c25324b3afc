import { generatePath } from 'react-router';

/**
 * Every page's address, declared once. `app/route-table.tsx` gives each name its page and roles
 * (the compiler makes it name every route); links build addresses from `paths`.
 */
export const patterns = {
  landing: '/',
  manageBooking: '/booking/manage',
  signIn: '/staff/sign-in',
  staffHome: '/staff',
  changePassword: '/staff/password',
  setPassword: '/staff/set-password',
  forgotPassword: '/staff/forgot-password',
  sessions: '/staff/sessions',
  staffAccounts: '/staff/accounts',
  people: '/staff/people',
  personNew: '/staff/people/new',
  roster: '/staff/people/roster',
  person: '/staff/people/:id',
  sites: '/staff/sites',
  siteNew: '/staff/sites/new',
  site: '/staff/sites/:id',
  vaccines: '/staff/vaccines',
  vaccineNew: '/staff/vaccines/new',
  vaccine: '/staff/vaccines/:id',
  lots: '/staff/lots',
  lotNew: '/staff/lots/new',
  days: '/staff/days',
  dayNew: '/staff/days/new',
  day: '/staff/days/:id',
  mail: '/staff/mail',
  dayBoard: '/staff/days/:id/board',
  walkIn: '/staff/days/:id/walk-in',
  dayReport: '/staff/days/:id/report',
  visit: '/staff/visits/:id',
  questionnaire: '/staff/questionnaire',
  auditLog: '/staff/audit-log',
  certificate: '/certificate',
  verifyCertificate: '/verify',
  registration: '/registration',
  registrationStatus: '/registration/status',
  standbyOffer: '/standby/offer',
  waitingList: '/staff/waiting-list',
  waitingListRules: '/staff/waiting-list/rules',
  waitingListReports: '/staff/waiting-list/reports',
  spareDoses: '/staff/standby',
  standbyJoin: '/standby/join',
  myData: '/my-data',
} as const;

export type RouteName = keyof typeof patterns;

/** A fixed address is a string; one with `:id` is a function of the id. */
type PathTo<P extends string> = P extends `${string}:id${string}` ? (id: string) => string : P;
type Paths = { [N in RouteName]: PathTo<(typeof patterns)[N]> };

function pathTo(pattern: string): string | ((id: string) => string) {
  return pattern.includes(':id') ? (id: string) => generatePath(pattern, { id }) : pattern;
}

export const paths = Object.fromEntries(Object.entries(patterns).map(([name, pattern]) => [name, pathTo(pattern)])) as Paths;
