import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import request from 'supertest';
import { binaryBody } from './support/binary-body';
import { startFixtureApp } from './support/fixture-database';
import type { TestApp } from './support/test-app';

interface Flag {
  id: string;
  ruleId: string;
  agencyCode: string | null;
  projectIds: string[];
  paymentDocs: string[];
  evidence: Record<string, unknown>;
}

/**
 * An agency token reads flags whose evidence names only its own rows, through every read path (list, one flag,
 * CSV, JSON and XLSX exports), on the Rayong fixtures after a run of every rule — among them supplier-dependence's
 * vendor `0103551863937`, whose FY2568 flag belongs to 01601 but lists a purchase of 01501 too. Auditors still
 * read everything.
 */
describe('flags evidence scoped to the agency that reads it', () => {
  let t: TestApp;
  let db: Client;
  let auditor: { Authorization: string };
  let auditorFlags: Flag[];
  /** Every agency code and name, and every e-GP buyer name, with the projects of each agency. */
  let agencies: { code: string; name: string }[];
  let buyerNames: { agencyCode: string | null; name: string }[];
  let projectsOf: Map<string, Set<string>>;
  const server = () => t.app.getHttpServer();

  beforeAll(async () => {
    t = await startFixtureApp();
    auditor = { Authorization: `Bearer ${await t.tokenFor('auditor')}` };
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    agencies = (await db.query<{ code: string; name: string }>(`select code, name from agencies`)).rows;
    buyerNames = (await db.query<{ agencyCode: string | null; name: string }>(`select distinct agency_code as "agencyCode", dept_name as name from egp_contracts where dept_name is not null`)).rows;
    projectsOf = new Map();
    for (const { project_id, agency_code } of (await db.query<{ project_id: string; agency_code: string }>(`select project_id, agency_code from egp_contracts where agency_code is not null`)).rows) {
      if (!projectsOf.has(agency_code)) projectsOf.set(agency_code, new Set());
      projectsOf.get(agency_code)!.add(project_id);
    }
    await request(server()).post('/api/risk/runs').set(auditor).send({}).expect(201);
    auditorFlags = (await request(server()).get('/api/flags?limit=1000').set(auditor).expect(200)).body.items;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** What in a flag, read by `agency`, names another agency's rows; [] when nothing does. */
  function leaks(flag: Flag, agency: string): string[] {
    const found: string[] = [];
    const evidence = JSON.stringify(flag.evidence);
    for (const other of agencies) {
      if (other.code === agency) continue;
      if (evidence.includes(`"${other.code}"`)) found.push(`agency code ${other.code} in the evidence`);
      if (evidence.includes(other.name)) found.push(`agency name ${other.name} in the evidence`);
    }
    for (const buyer of buyerNames) {
      if (buyer.agencyCode !== agency && evidence.includes(buyer.name)) found.push(`buyer ${buyer.name} in the evidence`);
    }
    const own = projectsOf.get(agency) ?? new Set();
    for (const id of flag.projectIds) if (!own.has(id)) found.push(`project ${id} of another buyer`);
    const payments = (flag.evidence.payments ?? []) as { agencyCode: string | null }[];
    for (const p of payments) if (p.agencyCode !== agency) found.push(`a payment of ${p.agencyCode ?? 'no agency'}`);
    return found;
  }

  it('plants a flag of one agency whose stored evidence names another (the case the scoping is for)', () => {
    const flag = auditorFlags.find((f) => f.ruleId === 'supplier-dependence' && f.agencyCode === '01601')!;
    expect(flag.evidence.buyers).toEqual([
      { buyer: '01601', contracts: 3, value: '936000.00' },
      { buyer: '01501', contracts: 1, value: '82600.00' },
    ]);
    expect(leaks(flag, '01601')).toContain('agency code 01501 in the evidence');
  });

  it('never shows an agency another agency’s code, name, projects or figures: list, one flag, and every export', async () => {
    const withFlags = [...new Set(auditorFlags.map((f) => f.agencyCode).filter((c): c is string => c !== null))];
    expect(withFlags.length).toBeGreaterThan(5);
    for (const agency of withFlags) {
      const token = { Authorization: `Bearer ${await t.tokenFor('agency', agency)}` };
      const listed: Flag[] = (await request(server()).get('/api/flags?limit=1000').set(token).expect(200)).body.items;
      expect(listed.length).toBe(auditorFlags.filter((f) => f.agencyCode === agency).length);
      const json: Flag[] = (await request(server()).get('/api/flags/export?format=json').set(token).expect(200)).body.items;
      const csv = (parse((await request(server()).get('/api/flags/export?format=csv').set(token).expect(200)).text, { columns: true }) as Record<string, string>[]).map(
        (r) => ({ ...r, projectIds: r.projectIds ? r.projectIds.split(';') : [], evidence: JSON.parse(r.evidence) }) as unknown as Flag,
      );
      for (const flag of [...listed, ...json, ...csv]) expect({ flag: flag.id, rule: flag.ruleId, leaks: leaks(flag, agency) }).toEqual({ flag: flag.id, rule: flag.ruleId, leaks: [] });
      for (const flag of listed.filter((f) => ['supplier-dependence', 'inspector-vendor-recurrence', 'duplicate-payment'].includes(f.ruleId))) {
        const one: Flag = (await request(server()).get(`/api/flags/${flag.id}`).set(token).expect(200)).body;
        expect(leaks(one, agency)).toEqual([]);
      }
      const xlsx = await request(server()).get('/api/flags/export?format=xlsx').set(token).buffer(true).parse(binaryBody).expect(200);
      const workbook = new Workbook();
      await workbook.xlsx.load((xlsx.body as Buffer).buffer as ArrayBuffer);
      workbook.getWorksheet('ธงความเสี่ยง')!.eachRow((row, n) => {
        if (n === 1) return;
        const flag = { id: `row ${n}`, ruleId: String(row.getCell(3).value), agencyCode: agency, projectIds: String(row.getCell(10).value ?? '').split(', ').filter(Boolean), paymentDocs: [], evidence: JSON.parse(String(row.getCell(13).value)) };
        expect(leaks(flag, agency)).toEqual([]);
      });
    }
  }, 300_000);

  it('shows the agency its own line of a vendor’s buyers and the others folded into one unnamed line', async () => {
    const token = { Authorization: `Bearer ${await t.tokenFor('agency', '01601')}` };
    const { body } = await request(server()).get('/api/flags?rule=supplier-dependence').set(token).expect(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      agencyCode: '01601',
      amount: '936000.00',
      evidence: {
        total: '1018600.00',
        topBuyer: '01601',
        share: 0.9189,
        buyers: [
          { buyer: '01601', contracts: 3, value: '936000.00' },
          { buyer: 'other buyers', buyers: 1, contracts: 1, value: '82600.00' },
        ],
      },
    });
    expect(body.items[0].projectIds.every((id: string) => projectsOf.get('01601')!.has(id))).toBe(true);
  });

  it('still shows an auditor every buyer and project', async () => {
    const flag = auditorFlags.find((f) => f.ruleId === 'supplier-dependence' && f.agencyCode === '01601')!;
    const { body } = await request(server()).get(`/api/flags/${flag.id}`).set(auditor).expect(200);
    expect(body.evidence.buyers.map((b: { buyer: string }) => b.buyer)).toEqual(['01601', '01501']);
    expect(body.projectIds.some((id: string) => projectsOf.get('01501')!.has(id))).toBe(true);
  });
});
