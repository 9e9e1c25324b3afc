/** Every page of the app, matched from the pathname. */
export type Route =
  | { name: 'landing' }
  | { name: 'sign-in' }
  | { name: 'staff-home' }
  | { name: 'change-password' }
  | { name: 'people' }
  | { name: 'person-new' }
  | { name: 'person'; id: string }
  | { name: 'not-found' };

export const paths = {
  landing: '/',
  signIn: '/staff/sign-in',
  staffHome: '/staff',
  changePassword: '/staff/password',
  people: '/staff/people',
  personNew: '/staff/people/new',
  person: (id: string) => `/staff/people/${encodeURIComponent(id)}`,
} as const;

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  switch (path) {
    case paths.landing:
      return { name: 'landing' };
    case paths.signIn:
      return { name: 'sign-in' };
    case paths.staffHome:
      return { name: 'staff-home' };
    case paths.changePassword:
      return { name: 'change-password' };
    case paths.people:
      return { name: 'people' };
    case paths.personNew:
      return { name: 'person-new' };
  }
  const person = /^\/staff\/people\/([^/]+)$/.exec(path);
  if (person?.[1]) return { name: 'person', id: decodeURIComponent(person[1]) };
  return { name: 'not-found' };
}
