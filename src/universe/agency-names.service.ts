import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { SqlDatabase } from '../database/sql-database';

export interface UnmatchedAgencyName {
  name: string;
  contracts: number;
  firstProjectId: string;
}

/**
 * e-GP names agencies in Thai, often not as `agencies` does. Names that match no agency are listed
 * here; an auditor maps each once, and the mapping is applied to stored contracts now and to later
 * imports (the e-GP source reads `agency_name_mappings`).
 */
@Injectable()
export class AgencyNamesService {
  constructor(@Inject(SqlDatabase) private readonly sql: SqlDatabase) {}

  async unmatched(): Promise<{ total: number; items: UnmatchedAgencyName[] }> {
    const items = await this.sql.query<UnmatchedAgencyName>(
      `select dept_name as name, count(*)::int as contracts, min(project_id) as "firstProjectId"
       from egp_contracts where agency_code is null and dept_name is not null
       group by dept_name order by count(*) desc, dept_name`,
    );
    return { total: items.length, items };
  }

  async map(name: string, agencyCode: string, by: string): Promise<{ name: string; agencyCode: string; contractsUpdated: number }> {
    return this.sql.transaction(async (client) => {
      const agency = await client.query('select 1 from agencies where code = $1', [agencyCode]);
      if (agency.rowCount === 0) throw new NotFoundException(`no agency with code "${agencyCode}"`);
      await client.query(
        `insert into agency_name_mappings (name, agency_code, created_by) values ($1, $2, $3)
         on conflict (name) do update set agency_code = excluded.agency_code, created_by = excluded.created_by, created_at = now()`,
        [name, agencyCode, by],
      );
      const updated = await client.query(
        `update egp_contracts set agency_code = $2, agency_match = 'mapped', updated_at = now()
         where dept_name = $1 and agency_code is distinct from $2`,
        [name, agencyCode],
      );
      return { name, agencyCode, contractsUpdated: updated.rowCount ?? 0 };
    });
  }
}
