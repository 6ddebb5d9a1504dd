import { Migration } from '@mikro-orm/migrations';

/** The severity rank of src/risk/flags/flag-order.ts (SEVERITY_RANK): the same expression, so the planner matches it. */
const RANK = `(case severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end)`;
const ORDER = `${RANK}, score, (- id)`;

/**
 * Indexes in the flags' one order (most serious first: severity rank, score, then the oldest), so a page of
 * GET /api/flags is a short index range instead of a sort of every match: one for the whole table and one per
 * common filter (rule, agency, fiscal year), and a small partial one for the triaged flags (status other than
 * open). A keyset page (`after=`) starts inside the range. Cost to the rules runs (docs/performance.md): the
 * indexes hold `score`, so a re-found flag whose score changed is no longer a HOT update; one whose score is
 * unchanged (nearly all) still is.
 */
export class Migration20261208040001_flags_order_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "flags_order_index" on "flags" (${ORDER});`);
    this.addSql(`create index "flags_rule_order_index" on "flags" ("rule_id", ${ORDER});`);
    this.addSql(`create index "flags_agency_order_index" on "flags" ("agency_code", ${ORDER});`);
    this.addSql(`create index "flags_fiscal_year_order_index" on "flags" ("fiscal_year", ${ORDER});`);
    this.addSql(`create index "flags_triaged_order_index" on "flags" ("status", ${ORDER}) where status <> 'open';`);
  }

  override async down(): Promise<void> {
    for (const name of ['flags_order_index', 'flags_rule_order_index', 'flags_agency_order_index', 'flags_fiscal_year_order_index', 'flags_triaged_order_index']) {
      this.addSql(`drop index if exists "${name}";`);
    }
  }
}
