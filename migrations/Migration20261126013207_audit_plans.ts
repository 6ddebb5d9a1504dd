import { Migration } from '@mikro-orm/migrations';

export class Migration20261126013207_audit_plans extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_engagements" ("id" bigserial primary key, "plan_id" bigint not null, "rank" int not null, "auditee_type" text not null, "auditee_key" text not null, "auditee_name" text not null, "agency_code" text not null, "audit_type" text not null, "start_date" date not null, "end_date" date not null, "working_days" int not null, "auditors" text[] not null, "earliest_start" date null, "risk_score" int not null, "likelihood" int not null, "impact" int not null, "band" text not null, "amount_at_stake" numeric(18,2) not null, "rationale" text not null, "reasons" jsonb not null);`);
    this.addSql(`create index "audit_engagements_plan_id_rank_index" on "audit_engagements" ("plan_id", "rank");`);

    this.addSql(`create table "audit_plans" ("id" bigserial primary key, "fiscal_year" int not null, "revision" int not null, "version" int not null default 1, "status" text not null default 'draft', "request" jsonb not null, "settings" jsonb not null, "rules_hash" text not null, "unplaced" jsonb not null, "created_by" text null, "created_at" timestamptz not null default now(), "approved_by" text null, "approved_at" timestamptz null);`);
    this.addSql(`create index "audit_plans_fiscal_year_revision_index" on "audit_plans" ("fiscal_year", "revision");`);

    this.addSql(`create table "audit_plan_events" ("id" bigserial primary key, "plan_id" bigint not null, "engagement_id" bigint null, "kind" text not null, "before" jsonb null, "after" jsonb null, "version" int not null, "by" text null, "at" timestamptz not null default now());`);
    this.addSql(`create index "audit_plan_events_plan_id_at_index" on "audit_plan_events" ("plan_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_engagements" cascade;`);

    this.addSql(`drop table if exists "audit_plans" cascade;`);

    this.addSql(`drop table if exists "audit_plan_events" cascade;`);
  }

}
