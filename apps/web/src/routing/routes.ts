/** Every page of the app, matched from the pathname. */
export type Route =
  | { name: 'landing' }
  | { name: 'manage-booking' }
  | { name: 'sign-in' }
  | { name: 'staff-home' }
  | { name: 'change-password' }
  | { name: 'people' }
  | { name: 'person-new' }
  | { name: 'person'; id: string }
  | { name: 'sites' }
  | { name: 'site-new' }
  | { name: 'site'; id: string }
  | { name: 'vaccines' }
  | { name: 'vaccine-new' }
  | { name: 'vaccine'; id: string }
  | { name: 'lots' }
  | { name: 'lot-new' }
  | { name: 'days' }
  | { name: 'day-new' }
  | { name: 'day'; id: string }
  | { name: 'mail' }
  | { name: 'day-board'; id: string }
  | { name: 'walk-in'; id: string }
  | { name: 'visit'; id: string }
  | { name: 'questionnaire' }
  | { name: 'audit-log' }
  | { name: 'day-report'; id: string }
  | { name: 'certificate' }
  | { name: 'verify-certificate' }
  | { name: 'registration' }
  | { name: 'registration-status' }
  | { name: 'standby-offer' }
  | { name: 'waiting-list' }
  | { name: 'waiting-list-rules' }
  | { name: 'waiting-list-reports' }
  | { name: 'spare-doses' }
  | { name: 'standby-join' }
  | { name: 'not-found' };

const byId = (base: string) => (id: string) => `${base}/${encodeURIComponent(id)}`;

export const paths = {
  landing: '/',
  manageBooking: '/booking/manage',
  signIn: '/staff/sign-in',
  staffHome: '/staff',
  changePassword: '/staff/password',
  people: '/staff/people',
  personNew: '/staff/people/new',
  person: byId('/staff/people'),
  sites: '/staff/sites',
  siteNew: '/staff/sites/new',
  site: byId('/staff/sites'),
  vaccines: '/staff/vaccines',
  vaccineNew: '/staff/vaccines/new',
  vaccine: byId('/staff/vaccines'),
  lots: '/staff/lots',
  lotNew: '/staff/lots/new',
  days: '/staff/days',
  dayNew: '/staff/days/new',
  day: byId('/staff/days'),
  mail: '/staff/mail',
  dayBoard: (id: string) => `${byId('/staff/days')(id)}/board`,
  walkIn: (id: string) => `${byId('/staff/days')(id)}/walk-in`,
  dayReport: (id: string) => `${byId('/staff/days')(id)}/report`,
  visit: byId('/staff/visits'),
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
} as const;

const FIXED: Record<string, Route> = {
  [paths.landing]: { name: 'landing' },
  [paths.manageBooking]: { name: 'manage-booking' },
  [paths.signIn]: { name: 'sign-in' },
  [paths.staffHome]: { name: 'staff-home' },
  [paths.changePassword]: { name: 'change-password' },
  [paths.people]: { name: 'people' },
  [paths.personNew]: { name: 'person-new' },
  [paths.sites]: { name: 'sites' },
  [paths.siteNew]: { name: 'site-new' },
  [paths.vaccines]: { name: 'vaccines' },
  [paths.vaccineNew]: { name: 'vaccine-new' },
  [paths.lots]: { name: 'lots' },
  [paths.lotNew]: { name: 'lot-new' },
  [paths.days]: { name: 'days' },
  [paths.dayNew]: { name: 'day-new' },
  [paths.mail]: { name: 'mail' },
  [paths.questionnaire]: { name: 'questionnaire' },
  [paths.auditLog]: { name: 'audit-log' },
  [paths.certificate]: { name: 'certificate' },
  [paths.verifyCertificate]: { name: 'verify-certificate' },
  [paths.registration]: { name: 'registration' },
  [paths.registrationStatus]: { name: 'registration-status' },
  [paths.standbyOffer]: { name: 'standby-offer' },
  [paths.waitingList]: { name: 'waiting-list' },
  [paths.waitingListRules]: { name: 'waiting-list-rules' },
  [paths.waitingListReports]: { name: 'waiting-list-reports' },
  [paths.spareDoses]: { name: 'spare-doses' },
  [paths.standbyJoin]: { name: 'standby-join' },
};

/** Detail pages: `/staff/<collection>/<id>`. */
const DETAIL: Array<[RegExp, 'person' | 'site' | 'vaccine' | 'day' | 'day-board' | 'walk-in' | 'visit' | 'day-report']> = [
  [/^\/staff\/people\/([^/]+)$/, 'person'],
  [/^\/staff\/sites\/([^/]+)$/, 'site'],
  [/^\/staff\/vaccines\/([^/]+)$/, 'vaccine'],
  [/^\/staff\/days\/([^/]+)$/, 'day'],
  [/^\/staff\/days\/([^/]+)\/board$/, 'day-board'],
  [/^\/staff\/days\/([^/]+)\/walk-in$/, 'walk-in'],
  [/^\/staff\/visits\/([^/]+)$/, 'visit'],
  [/^\/staff\/days\/([^/]+)\/report$/, 'day-report'],
];

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const fixed = FIXED[path];
  if (fixed) return fixed;
  for (const [pattern, name] of DETAIL) {
    const match = pattern.exec(path);
    if (match?.[1]) return { name, id: decodeURIComponent(match[1]) };
  }
  return { name: 'not-found' };
}
