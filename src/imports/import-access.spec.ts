import type { Principal } from '../auth/principal';
import { assertMayImport, rowAgencyFor } from './import-access';
import { ALL_SOURCES } from './sources';

const caller = (role: Principal['role'], agencyCode: string | null = null): Principal => ({ userId: 1, name: 't', role, agencyCode });

describe('import access', () => {
  it('every source an agency may import says which target column names a row\'s agency', () => {
    for (const source of ALL_SOURCES.filter((s) => s.roles.includes('agency'))) {
      expect([source.name, source.target.some((c) => c.name === source.agencyColumn)]).toEqual([source.name, true]);
    }
  });

  it('pins an agency caller to its own agency, and leaves other roles and the system unpinned', () => {
    const plans = ALL_SOURCES.find((s) => s.name === 'control-plans')!;
    expect(rowAgencyFor(plans, caller('agency', '21001'))).toBe('21001');
    expect(rowAgencyFor(plans, caller('agency', null))).toBe('');
    expect(rowAgencyFor(plans, caller('admin'))).toBeUndefined();
    expect(rowAgencyFor(plans, 'inbox')).toBeUndefined();
  });

  it('refuses an agency a source whose roles name it but that says nothing of whose a row is', () => {
    const undeclared = { ...ALL_SOURCES.find((s) => s.name === 'control-plans')!, agencyColumn: undefined };
    expect(() => assertMayImport(undeclared, caller('agency', '21001'))).toThrow(/does not say which agency/);
    expect(() => assertMayImport(undeclared, caller('viewer'))).toThrow(/role viewer may not import/);
  });
});
