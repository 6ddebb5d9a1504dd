import { Migration } from '@mikro-orm/migrations';

/**
 * One approved audit plan per fiscal year (issue 10, defect 9). Approving a plan supersedes the plan approved
 * before it for that year: its status becomes `superseded`, with the plan that replaced it and when, and an
 * event in `audit_plan_events`. The partial unique index makes the database refuse a second approved plan of a
 * year whatever the code does. Years that already have several approved plans keep the one approved last; the
 * others are superseded by it here, with an event by 'migration'.
 */
export class Migration20261208030001_one_approved_plan_per_year extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_plans" add column "superseded_by_plan_id" bigint null, add column "superseded_at" timestamptz null;`);
    this.addSql(`
      with ranked as (
        select id, fiscal_year, version,
               first_value(id) over (partition by fiscal_year order by approved_at desc nulls last, id desc) as kept
          from audit_plans where status = 'approved'),
      superseded as (
        update audit_plans p set status = 'superseded', superseded_by_plan_id = r.kept, superseded_at = now()
          from ranked r where p.id = r.id and r.id <> r.kept
        returning p.id, p.version, r.kept)
      insert into audit_plan_events (plan_id, kind, after, version, by)
      select id, 'supersede', jsonb_build_object('supersededBy', kept::text), version, 'migration' from superseded;`);
    this.addSql(`create unique index "audit_plans_one_approved_per_fiscal_year" on "audit_plans" ("fiscal_year") where "status" = 'approved';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "audit_plans_one_approved_per_fiscal_year";`);
    this.addSql(`update "audit_plans" set "status" = 'approved' where "status" = 'superseded';`);
    this.addSql(`alter table "audit_plans" drop column "superseded_by_plan_id", drop column "superseded_at";`);
  }
}
