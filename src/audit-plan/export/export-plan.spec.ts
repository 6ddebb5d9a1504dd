import { SAMPLE_PLAN } from '../../../test/support/sample-audit-plan';
import { exportPlan, PLAN_EXPORT_FORMATS } from './export-plan';

describe('exportPlan', () => {
  it('names each file by fiscal year and revision, with its content type', async () => {
    const exports = await Promise.all(PLAN_EXPORT_FORMATS.map((f) => exportPlan(SAMPLE_PLAN, f)));
    expect(exports.map((e) => [e.fileName, e.contentType])).toEqual([
      ['audit-plan-2568-r1.csv', 'text/csv; charset=utf-8'],
      ['audit-plan-2568-r1.ics', 'text/calendar; charset=utf-8'],
      ['audit-plan-2568-r1.json', 'application/json; charset=utf-8'],
      ['audit-plan-2568-r1.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    expect(Buffer.isBuffer(exports[3].body)).toBe(true);
    expect((exports[3].body as Buffer).subarray(0, 2).toString()).toBe('PK'); // an xlsx is a zip
  });

  it('gives the plan view itself as pretty-printed JSON', async () => {
    const { body } = await exportPlan(SAMPLE_PLAN, 'json');
    expect(JSON.parse(body as string)).toEqual(SAMPLE_PLAN);
    expect(body).toContain('\n  "fiscalYear": 2568,');
  });

  it('refuses an unknown format', async () => {
    await expect(exportPlan(SAMPLE_PLAN, 'pdf' as never)).rejects.toThrow(/unknown plan export format: pdf/);
  });
});
