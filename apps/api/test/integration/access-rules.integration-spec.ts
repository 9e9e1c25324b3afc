import { STAFF_ROLES, type ProblemDetails, type StaffRole } from '@vaccinate/api-contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { API_PREFIX } from '../../src/bootstrap/create-app';
import { AuthService } from '../../src/modules/auth/auth.service';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { routeTable, type RouteEntry } from '../support/route-table';

const SAMPLE_ID = '7d4c3c1e-3f5b-4c6a-9f00-8c1f2d3e4a5b';

function concretePath(route: RouteEntry): string {
  return route.path.replace(/:[A-Za-z]+/g, SAMPLE_ID);
}

describe('every route declares who may call it', () => {
  let acme: RunningApi;
  let globex: RunningApi;
  const tokens = new Map<StaffRole, string>();
  let globexAdmin: string;
  let routes: RouteEntry[];

  beforeAll(async () => {
    const adminUrl = inject('postgresAdminUrl');
    [acme, globex] = await Promise.all([
      provisionTestTenant(adminUrl, 'rules-a').then((t) => startTestApi(t)),
      provisionTestTenant(adminUrl, 'rules-b').then((t) => startTestApi(t)),
    ]);
    for (const role of STAFF_ROLES) tokens.set(role, await staffToken(acme, [role]));
    globexAdmin = await staffToken(globex, ['admin']);
    routes = routeTable(acme.app, API_PREFIX);
  });
  afterAll(async () => {
    await acme?.close();
    await globex?.close();
  });

  async function call(route: RouteEntry, token?: string): Promise<Response> {
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
    return acme.request(concretePath(route), { method: route.method, ...(token ? { token } : {}), ...(hasBody ? { body: {} } : {}) });
  }

  it('finds the routes and none lacks an access rule', () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect(routes.filter((route) => !route.rule).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('lets the required role in, and refuses no token, every lower role and another tenant', async () => {
    const checked: string[] = [];
    // Signing out ends the session of the token it is called with: checked last, so the other routes still see live tokens.
    const signOutLast = [...routes].sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
    for (const route of signOutLast) {
      const rule = route.rule;
      if (!rule || rule.kind !== 'role') continue;
      const label = `${route.method} ${route.path}`;
      expect((await call(route)).status, `${label} without a token`).toBe(401);
      const foreign = await call(route, globexAdmin);
      expect(foreign.status, `${label} with another tenant's admin token`).toBe(401);
      expect(((await foreign.json()) as ProblemDetails).code).toBe('auth.invalid_token');
      const rank = STAFF_ROLES.indexOf(rule.minimum);
      for (const role of STAFF_ROLES) {
        const status = (await call(route, tokens.get(role))).status;
        if (STAFF_ROLES.indexOf(role) < rank) expect(status, `${label} as ${role}`).toBe(403);
        else expect([401, 403], `${label} as ${role} got ${status}`).not.toContain(status);
      }
      checked.push(label);
    }
    expect(checked).toEqual(expect.arrayContaining(['POST /api/people', 'PATCH /api/people/:id', 'GET /api/staff']));
  });

  it('keeps public routes open without a token', async () => {
    const publicRoutes = routes.filter((route) => route.rule?.kind === 'public');
    expect(publicRoutes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/health/live', '/api/health/ready', '/api/openapi.json', '/api/auth/login']));
    for (const route of publicRoutes) {
      expect([401, 403], `${route.method} ${route.path}`).not.toContain((await call(route)).status);
    }
  });

  it('lets an account with a pending password change reach only its own profile and the password change', async () => {
    const created = await acme.app.get(AuthService).createStaff('pending@staff.example', 'Pending', ['admin']);
    const login = await acme.request('/api/auth/login', { body: { email: 'pending@staff.example', password: created?.oneTimePassword } });
    const { accessToken } = (await login.json()) as { accessToken: string };
    expect((await acme.request('/api/auth/me', { token: accessToken })).status).toBe(200);
    const refused = await acme.request('/api/people', { token: accessToken });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ProblemDetails).code).toBe('auth.password_change_required');
  });

  it('documents every route in the OpenAPI document', async () => {
    const document = (await (await acme.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const route of routes.filter((r) => r.path !== '/api/openapi.json')) {
      const openApiPath = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(document.paths[openApiPath]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
  });
});
