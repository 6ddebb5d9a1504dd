import request from 'supertest';
import { ROLES, type Role } from '../src/auth/api-user.entity';
import { listenOnLoopback, rawRequest } from './support/raw-http';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

/**
 * Who may call each route. A route of the OpenAPI document missing here fails the suite: a new route
 * is merged only with its access declared and checked. `public` routes need no token at all.
 */
const ACCESS: Record<string, readonly Role[] | 'public'> = {
  'GET /health': 'public',

  'POST /api/users': ['admin'],
  'GET /api/users': ['admin'],
  'DELETE /api/users/{id}': ['admin'],

  'GET /api/agencies': ROLES,
  'GET /api/agencies/{code}': ROLES,
  'GET /api/budget-projects': ROLES,
  'GET /api/holidays': ROLES,
  'POST /api/holidays': ['admin'],
  'GET /api/auditors': ['admin', 'auditor'],
  'GET /api/agency-names/unmatched': ['admin', 'auditor'],
  'PUT /api/agency-names': ['admin', 'auditor'],

  'POST /api/imports/{source}': ['admin', 'auditor', 'finance', 'agency'],
  'GET /api/imports': ['admin', 'auditor', 'finance'],

  'GET /api/rules': ['admin', 'auditor', 'viewer'],
  'POST /api/rules/reload': ['admin', 'auditor'],
  'POST /api/risk/runs': ['admin', 'auditor'],
  'GET /api/risk/runs': ['admin', 'auditor', 'viewer'],
  'GET /api/risk/runs/{id}': ['admin', 'auditor', 'viewer'],
  'GET /api/risk/not-calculable': ['admin', 'auditor', 'agency'],
  'GET /api/risk/scores': ['admin', 'auditor', 'viewer', 'agency'],

  'GET /api/flags': ['admin', 'auditor', 'viewer', 'agency'],
  'GET /api/flags/export': ['admin', 'auditor', 'viewer', 'agency'],
  'GET /api/flags/{id}': ['admin', 'auditor', 'viewer', 'agency'],
  'PATCH /api/flags/{id}': ['admin', 'auditor'],

  'POST /api/audit-plans': ['admin', 'auditor'],
  'GET /api/audit-plans': ['admin', 'auditor', 'viewer', 'agency'],
  'GET /api/audit-plans/{id}': ['admin', 'auditor', 'viewer', 'agency'],
  'GET /api/audit-plans/{id}/export': ['admin', 'auditor', 'viewer', 'agency'],
  'PATCH /api/audit-plans/{id}/engagements/{eid}': ['admin', 'auditor'],
  'POST /api/audit-plans/{id}/approve': ['admin', 'auditor'],
};

/** The agency the agency token is bound to (the one agency whose data it may ask for by code). */
const OWN_AGENCY = '10001';

/**
 * Values for path parameters that reach the handler but can change nothing: ids no row has, a source
 * that does not exist. A parameter not listed here fails the suite, so a new one gets a harmless value.
 */
const HARMLESS_PARAMS: Record<string, string> = { id: '0', eid: '0', code: OWN_AGENCY, source: 'no-such-source' };

/** A body no route accepts: unknown keys, no required field. Nothing is created, run or changed. */
const GARBAGE_BODY = JSON.stringify({ garbage: '\u2603', fiscalYear: 'not a year' });

interface Route {
  method: string;
  /** As in the OpenAPI document, e.g. /api/flags/{id}. */
  template: string;
  /** With harmless values for its parameters. */
  path: string;
  key: string;
  parameters: { name: string; in: 'path' | 'query'; numeric: boolean }[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema?: { type?: string } }[] }>>;
}

function routesOf(doc: OpenApiDocument): Route[] {
  return Object.entries(doc.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      path: template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        if (!(name in HARMLESS_PARAMS)) throw new Error(`no harmless value for the path parameter {${name}} of ${template}: add one`);
        return HARMLESS_PARAMS[name];
      }),
      key: `${method.toUpperCase()} ${template}`,
      parameters: (operation.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => ({ name: p.name, in: p.in as 'path' | 'query', numeric: p.schema?.type === 'integer' || p.schema?.type === 'number' })),
    })),
  );
}

/**
 * The same route spelled the ways a router might still accept: other casings, a trailing slash,
 * doubled slashes, percent-encoded letters, dot segments. Only the route's own spelling may reach it.
 */
function otherSpellings(route: Route): string[] {
  const path = route.path;
  // A parameter's own value may legitimately end in anything (`/api/agencies/10001.json` asks for agency
  // "10001.json"); suffixes are a different spelling only after a literal segment.
  const endsLiteral = !route.template.endsWith('}');
  const segments = path.split('/').slice(1);
  const mixed = path.replace(/[a-z]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c));
  const spellings = [
    path.toUpperCase(),
    `/${segments[0].toUpperCase()}/${segments.slice(1).join('/')}`,
    `/${segments.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('/')}`,
    mixed,
    path.replace(/[a-z]$/, (c) => c.toUpperCase()),
    `${path}/`,
    `/${path}`,
    path.replace('/', '//').replace(/\/([^/]+)$/, '//$1'),
    path.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`),
    path.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    endsLiteral ? path.replace(/\/([a-z])([a-z-]*)$/, (_, c: string, rest: string) => `/%${c.charCodeAt(0).toString(16)}${rest}`) : path,
    `/x/..${path}`,
    `/.${path}`,
    path.replace(/\/([^/]+)$/, '/./$1'),
    ...(endsLiteral ? [`${path}%20`, `${path}.json`, `${path};x`] : []),
  ];
  return [...new Set(spellings)].filter((s) => s !== path);
}

/**
 * True when a path is another documented route's own spelling with some parameter value
 * (`/api/flags/exporT` is flag "exporT" of `GET /api/flags/{id}`): reaching that route is right.
 */
function isAnotherRoutesSpelling(routes: Route[], method: string, path: string): boolean {
  return routes.some((r) => {
    if (r.method !== method) return false;
    const pattern = r.template
      .split(/\{[^}]+\}/)
      .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    return new RegExp(`^${pattern}$`).test(path);
  });
}

describe('route security: every route of the OpenAPI document', () => {
  let t: TestApp;
  let port: number;
  let routes: Route[];
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer();
    await request(server)
      .post('/api/imports/agencies')
      .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
      .type('text/csv')
      .send(`รหัสหน่วยงาน,ชื่อหน่วยงาน\n${OWN_AGENCY},สำนักงานจังหวัดระยอง\n10002,สำนักงานคลังจังหวัดระยอง\n`)
      .expect(201);
    for (const role of ROLES) tokens[role] = await t.tokenFor(role, role === 'agency' ? OWN_AGENCY : undefined);
    routes = routesOf((await request(server).get('/docs-json').expect(200)).body as OpenApiDocument);
    port = await listenOnLoopback(t.app);
  });
  afterAll(() => t.close());

  const call = (route: Route, path: string, token?: string) =>
    rawRequest(
      port,
      route.method,
      path,
      token ? { Authorization: `Bearer ${token}` } : {},
      ['POST', 'PUT', 'PATCH'].includes(route.method) ? GARBAGE_BODY : undefined,
    );

  it('declares the access of every route, and of no route that is gone', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const documented = routes.map((r) => r.key).sort();
    expect({ undeclared: documented.filter((k) => !(k in ACCESS)) }).toEqual({ undeclared: [] });
    expect({ gone: Object.keys(ACCESS).filter((k) => !documented.includes(k)) }).toEqual({ gone: [] });
  });

  it('answers 401 without a token on every non-public route in its own spelling', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => ACCESS[r.key] !== 'public')) {
      const { status } = await call(route, route.path);
      if (status !== 401) wrong.push(`${route.method} ${route.path} → ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 or 404 without a token, never anything else, in every other spelling of every route', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      for (const path of otherSpellings(route)) {
        const { status } = await call(route, path);
        if (status !== 401 && status !== 404) wrong.push(`${route.method} ${path} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reaches no handler through another spelling, even with an administrator token', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const path of otherSpellings(route).filter((p) => !isAnotherRoutesSpelling(routes, route.method, p))) {
        const { status } = await call(route, path, tokens.admin);
        checked++;
        if (status !== 404) wrong.push(`${route.method} ${path} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(routes.length * 10);
  });

  it('answers 403 exactly to the roles a route does not allow, and never 401, 403 or 500 to those it allows', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const access = ACCESS[route.key];
      for (const role of ROLES) {
        const allowed = access === 'public' || access.includes(role);
        const { status, body } = await call(route, route.path, tokens[role]);
        const ok = allowed ? status !== 401 && status !== 403 && status < 500 : status === 403;
        if (!ok) wrong.push(`${route.key} as ${role} (${allowed ? 'allowed' : 'not allowed'}) → ${status} ${body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 400 or 404, never 500, to a NUL byte or an over-large number in any path or query parameter', async () => {
    const wrong: string[] = [];
    const tooLarge = '99999999999999999999'; // 20 digits: past bigint, and past integer columns by far
    for (const route of routes.filter((r) => r.parameters.length > 0)) {
      for (const parameter of route.parameters) {
        for (const value of ['%00', `a%00b`, tooLarge]) {
          const path =
            parameter.in === 'path'
              ? route.template
                  .replace(`{${parameter.name}}`, value)
                  .replace(/\{([^}]+)\}/g, (_, name: string) => HARMLESS_PARAMS[name])
              : `${route.path}?${parameter.name}=${value}`;
          const { status, body } = await call(route, path, tokens.admin);
          const expected = value === tooLarge && parameter.in === 'query' && !parameter.numeric ? status < 500 : status === 400 || status === 404;
          if (!expected) wrong.push(`${route.method} ${path} → ${status} ${body.slice(0, 120)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 400 to a NUL character in any string of a JSON body', async () => {
    const server = t.app.getHttpServer();
    const admin = { Authorization: `Bearer ${tokens.admin}` };
    const mapping = await request(server).put('/api/agency-names').set(admin).send({ name: 'สำนักงาน\u0000จังหวัด', agencyCode: OWN_AGENCY });
    expect(mapping.status).toBe(400);
    expect(mapping.body.message).toMatch(/NUL/);
    await request(server).put('/api/agency-names').set(admin).send({ name: 'x', agencyCode: `${OWN_AGENCY}\u0000` }).expect(400);
    await request(server).post('/api/users').set(admin).send({ name: 'a\u0000b', role: 'viewer' }).expect(400);
    await request(server).post('/api/risk/runs').set(admin).send({ rules: ['single-bidder\u0000'] }).expect(400);
    await request(server).post('/api/holidays').set(admin).send({ date: '2025-01-02', name: 'x', kind: 'cabinet\u0000' }).expect(400);
  });
});
