import { Migration } from '@mikro-orm/migrations';

/**
 * Risk scores computed once and kept (src/risk/scores/risk-score-store.ts): one row per fiscal year, reference date,
 * rule files' hash and data version (what was loaded, run and triaged when it was computed), the scored items
 * as the API answers them. `json`, not `jsonb`: kept as written, key order included, and never queried inside.
 */
export class Migration20261208050001_risk_score_sets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "risk_score_sets" ("id" bigserial primary key, "fiscal_year" int not null, "reference_date" date not null, "rules_hash" text not null, "data_version" text not null, "computed_at" timestamptz not null default clock_timestamp(), "duration_ms" int not null, "items" json not null);`);
    this.addSql(`create unique index "risk_score_sets_key_unique" on "risk_score_sets" ("fiscal_year", "reference_date", "rules_hash", "data_version");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "risk_score_sets" cascade;`);
  }
}
