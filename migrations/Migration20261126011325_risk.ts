import { Migration } from '@mikro-orm/migrations';

export class Migration20261126011325_risk extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "findings" ("id" bigserial primary key, "agency_code" text not null, "fiscal_year" int not null, "title" text not null, "detail" text null, "recommendation" text null, "severity" text null, "due_date" date null, "status" text not null default 'open', "first_answered_at" timestamptz null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "findings_agency_code_status_index" on "findings" ("agency_code", "status");`);

    this.addSql(`create table "flags" ("id" bigserial primary key, "rule_id" text not null, "entity_type" text not null, "entity_key" text not null, "agency_code" text null, "fiscal_year" int null, "score" numeric(5,4) not null, "severity" text not null, "amount" numeric(18,2) null, "project_ids" text[] not null default '{}', "vendor_tins" text[] not null default '{}', "payment_docs" text[] not null default '{}', "evidence" jsonb not null, "status" text not null default 'open', "note" text null, "first_run_id" bigint not null, "last_run_id" bigint not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "flags_vendor_tins_index" on "flags" using gin ("vendor_tins");`);
    this.addSql(`create index "flags_project_ids_index" on "flags" using gin ("project_ids");`);
    this.addSql(`create index "flags_rule_id_status_index" on "flags" ("rule_id", "status");`);
    this.addSql(`create index "flags_agency_code_fiscal_year_index" on "flags" ("agency_code", "fiscal_year");`);
    this.addSql(`alter table "flags" add constraint "flags_rule_id_entity_key_unique" unique ("rule_id", "entity_key");`);

    this.addSql(`create table "flag_events" ("id" bigserial primary key, "flag_id" bigint not null, "from_status" text not null, "to_status" text not null, "note" text null, "by" text null, "at" timestamptz not null default now());`);
    this.addSql(`create index "flag_events_flag_id_at_index" on "flag_events" ("flag_id", "at");`);

    this.addSql(`create table "risk_not_calculable" ("id" bigserial primary key, "run_id" bigint not null, "rule_id" text not null, "entity_type" text not null, "entity_key" text not null, "agency_code" text null, "fiscal_year" int null, "reason" text not null, "project_ids" text[] not null default '{}');`);
    this.addSql(`create index "risk_not_calculable_rule_id_entity_key_index" on "risk_not_calculable" ("rule_id", "entity_key");`);

    this.addSql(`create table "risk_runs" ("id" bigserial primary key, "status" text not null, "fiscal_year" int null, "reference_date" date not null, "rules_hash" text not null, "rule_ids" text[] not null, "started_by" text null, "started_at" timestamptz not null default now(), "finished_at" timestamptz null, "duration_ms" int null, "error" text null);`);
    this.addSql(`create index "risk_runs_started_at_index" on "risk_runs" ("started_at");`);

    this.addSql(`create table "risk_run_rules" ("run_id" bigint not null, "rule_id" text not null, "parameters" jsonb not null, "flagged" int not null default 0, "clear" int not null default 0, "not_calculable" int not null default 0, "duration_ms" int not null default 0, constraint "risk_run_rules_pkey" primary key ("run_id", "rule_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "findings" cascade;`);

    this.addSql(`drop table if exists "flags" cascade;`);

    this.addSql(`drop table if exists "flag_events" cascade;`);

    this.addSql(`drop table if exists "risk_not_calculable" cascade;`);

    this.addSql(`drop table if exists "risk_runs" cascade;`);

    this.addSql(`drop table if exists "risk_run_rules" cascade;`);
  }

}
