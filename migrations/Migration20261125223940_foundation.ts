import { Migration } from '@mikro-orm/migrations';

export class Migration20261125223940_foundation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agencies" ("code" text not null, "name" text not null, "name_en" text null, "kind" text null, "district" text null, "last_audited" date null, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "agencies_pkey" primary key ("code"));`);

    this.addSql(`create table "api_users" ("id" serial primary key, "name" text not null, "role" text not null, "agency_code" text null, "token_prefix" text not null, "token_hash" text not null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null);`);
    this.addSql(`alter table "api_users" add constraint "api_users_token_prefix_unique" unique ("token_prefix");`);

    this.addSql(`create table "budget_projects" ("code" text not null, "name" text not null, "agency_code" text not null, "fiscal_year" int not null, "budget" numeric(18,2) null, "start_date" date null, "end_date" date null, "egp_project_ids" text[] not null default '{}', "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "budget_projects_pkey" primary key ("code"));`);
    this.addSql(`create index "budget_projects_agency_code_index" on "budget_projects" ("agency_code");`);
    this.addSql(`create index "budget_projects_fiscal_year_index" on "budget_projects" ("fiscal_year");`);

    this.addSql(`create table "holidays" ("date" date not null, "name" text not null, "kind" text not null, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "holidays_pkey" primary key ("date"));`);

    this.addSql(`create table "import_batches" ("id" bigserial primary key, "source" text not null, "file_name" text null, "mode" text not null, "dry_run" boolean not null, "status" text not null, "encoding" text null, "layout" text null, "rows" int not null default 0, "inserted" int not null default 0, "updated" int not null default 0, "unchanged" int not null default 0, "rejected" int not null default 0, "errors" jsonb not null, "repairs" jsonb not null, "unknown_columns" jsonb null, "created_by" text null, "created_at" timestamptz not null default now(), "duration_ms" int null);`);
    this.addSql(`create index "import_batches_source_created_at_index" on "import_batches" ("source", "created_at");`);
  }

}
