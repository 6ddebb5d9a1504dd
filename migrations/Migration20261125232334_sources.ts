import { Migration } from '@mikro-orm/migrations';

export class Migration20261125232334_sources extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agency_name_mappings" ("name" text not null, "agency_code" text not null, "created_by" text null, "created_at" timestamptz not null default now(), constraint "agency_name_mappings_pkey" primary key ("name"));`);

    this.addSql(`create table "auditors" ("auditor_id" text not null, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "role" text not null, "available_days" int null, "skills" text[] not null default '{}', "past_agencies" jsonb not null default '[]', "unavailable" jsonb not null default '[]', constraint "auditors_pkey" primary key ("auditor_id"));`);

    this.addSql(`create table "blacklist_entries" ("id" bigserial primary key, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "tin" text not null, "name" text null, "listed_date" date not null, "order_no" text null, "lifted_date" date null);`);
    this.addSql(`alter table "blacklist_entries" add constraint "blacklist_entries_tin_listed_date_unique" unique ("tin", "listed_date");`);

    this.addSql(`create table "committee_members" ("id" bigserial primary key, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" text not null, "committee_type" text not null, "person_id" text not null, "role" text null, "appointed_date" date null);`);
    this.addSql(`create index "committee_members_person_id_index" on "committee_members" ("person_id");`);
    this.addSql(`alter table "committee_members" add constraint "committee_members_project_id_committee_type_person_id_unique" unique ("project_id", "committee_type", "person_id");`);

    this.addSql(`create table "complaints" ("complaint_no" text not null, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "received_date" date not null, "fiscal_year" int not null, "channel" text null, "agency_code" text null, "category" text not null, "subject" text null, "status" text null, "first_response_date" date null, "closed_date" date null, constraint "complaints_pkey" primary key ("complaint_no"));`);
    this.addSql(`create index "complaints_agency_code_fiscal_year_category_index" on "complaints" ("agency_code", "fiscal_year", "category");`);

    this.addSql(`create table "control_plan_activities" ("id" bigserial primary key, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "fiscal_year" int not null, "agency_code" text not null, "plan_type" text not null, "strategy_no" text not null default '', "measure_no" text null, "activity_no" text not null, "activity" text null, "risk" text null, "indicator" text null, "target_text" text null, "target_value" numeric(20,4) null, "target_unit" text null, "target_comparison" text null, "target_scale" text null, "budget" numeric(18,2) null, "responsible" text null, "due_date" date null);`);
    this.addSql(`create index "control_plan_activities_agency_code_fiscal_year_index" on "control_plan_activities" ("agency_code", "fiscal_year");`);
    this.addSql(`alter table "control_plan_activities" add constraint "control_plan_activities_fiscal_year_agency_code_p_84629_unique" unique ("fiscal_year", "agency_code", "plan_type", "strategy_no", "activity_no");`);

    this.addSql(`create table "deliveries" ("id" bigserial primary key, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" text not null, "contract_no" text not null default '', "installment" int not null, "due_date" date null, "delivered_date" date null, "inspected_date" date null, "accepted" boolean null, "value" numeric(18,2) null, "penalty_charged" numeric(18,2) null);`);
    this.addSql(`alter table "deliveries" add constraint "deliveries_project_id_contract_no_installment_unique" unique ("project_id", "contract_no", "installment");`);

    this.addSql(`create table "egp_bids" ("id" bigserial primary key, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" text not null, "bidder_key" text not null, "bidder_tin" text null, "bidder_name" text null, "bid_amount" numeric(18,2) null, "bid_date" date null, "status" text null);`);
    this.addSql(`create index "egp_bids_bidder_tin_index" on "egp_bids" ("bidder_tin");`);
    this.addSql(`alter table "egp_bids" add constraint "egp_bids_project_id_bidder_key_unique" unique ("project_id", "bidder_key");`);

    this.addSql(`create table "egp_contracts" ("id" bigserial primary key, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" text not null, "contract_no" text not null default '', "project_name" text null, "project_type" text null, "project_type_text" text null, "dept_name" text null, "dept_sub_name" text null, "agency_code" text null, "agency_match" text null, "method" text null, "method_text" text null, "method_group_text" text null, "announce_date" date null, "project_money" numeric(18,2) null, "price_build" numeric(18,2) null, "sum_price_agree" numeric(18,2) null, "budget_year" int null, "fiscal_year" int null, "transaction_date" date null, "province" text null, "district" text null, "subdistrict" text null, "project_status" text null, "location" text null, "lat" double precision null, "lon" double precision null, "winner_tin_raw" text null, "winner_tin" text null, "winner_tin_valid" boolean not null default false, "winner_name" text null, "contract_date" date null, "contract_finish_date" date null, "price_agree" numeric(18,2) null, "contract_status" text null, "contract_status_text" text null);`);
    this.addSql(`create index "egp_contracts_dept_name_index" on "egp_contracts" ("dept_name");`);
    this.addSql(`create index "egp_contracts_fiscal_year_index" on "egp_contracts" ("fiscal_year");`);
    this.addSql(`create index "egp_contracts_winner_tin_index" on "egp_contracts" ("winner_tin");`);
    this.addSql(`create index "egp_contracts_agency_code_winner_tin_contract_date_index" on "egp_contracts" ("agency_code", "winner_tin", "contract_date");`);
    this.addSql(`alter table "egp_contracts" add constraint "egp_contracts_project_id_contract_no_unique" unique ("project_id", "contract_no");`);

    this.addSql(`create table "gfmis_disbursements" ("id" bigserial primary key, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "fiscal_year" int not null, "as_of" date not null, "agency_code" text not null, "agency_name" text null, "budget_type" text not null, "budget_after_transfer" numeric(18,2) null, "allocated" numeric(18,2) null, "spending_plan" numeric(18,2) null, "commitments" numeric(18,2) null, "disbursed" numeric(18,2) null, "source_unit" text null);`);
    this.addSql(`create index "gfmis_disbursements_agency_code_fiscal_year_index" on "gfmis_disbursements" ("agency_code", "fiscal_year");`);
    this.addSql(`alter table "gfmis_disbursements" add constraint "gfmis_disbursements_fiscal_year_as_of_agency_code_51dc8_unique" unique ("fiscal_year", "as_of", "agency_code", "budget_type");`);

    this.addSql(`create table "gfmis_payments" ("doc_no" text not null, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "doc_type" text null, "agency_code" text null, "disbursing_unit" text null, "vendor_tin" text null, "amount" numeric(18,2) null, "posting_date" date null, "po_no" text null, "egp_project_id" text null, "contract_no" text null, "invoice_no" text null, constraint "gfmis_payments_pkey" primary key ("doc_no"));`);
    this.addSql(`create index "gfmis_payments_agency_code_index" on "gfmis_payments" ("agency_code");`);
    this.addSql(`create index "gfmis_payments_vendor_tin_posting_date_index" on "gfmis_payments" ("vendor_tin", "posting_date");`);
    this.addSql(`create index "gfmis_payments_egp_project_id_index" on "gfmis_payments" ("egp_project_id");`);

    this.addSql(`create table "people" ("person_id" text not null, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text null, constraint "people_pkey" primary key ("person_id"));`);

    this.addSql(`create table "plan_results" ("id" bigserial primary key, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "fiscal_year" int not null, "agency_code" text not null, "plan_type" text not null, "strategy_no" text not null default '', "activity_no" text not null, "reported_date" date not null, "actual_text" text null, "actual_value" numeric(20,4) null, "actual_unit" text null, "output" text null, "outcome" text null, "status" text null);`);
    this.addSql(`alter table "plan_results" add constraint "plan_results_fiscal_year_agency_code_plan_type_st_18b81_unique" unique ("fiscal_year", "agency_code", "plan_type", "strategy_no", "activity_no", "reported_date");`);

    this.addSql(`create table "tender_events" ("project_id" text not null, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "invitation_date" date null, "bid_deadline" date null, "winner_announced" date null, "legal_exception" text null, constraint "tender_events_pkey" primary key ("project_id"));`);

    this.addSql(`create table "vendors" ("tin" text not null, "import_batch_id" bigint null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text null, "registered_date" date null, "address" text null, "address_key" text null, "directors" text[] not null default '{}', "status" text null, constraint "vendors_pkey" primary key ("tin"));`);
    this.addSql(`create index "vendors_address_key_index" on "vendors" ("address_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agency_name_mappings" cascade;`);

    this.addSql(`drop table if exists "auditors" cascade;`);

    this.addSql(`drop table if exists "blacklist_entries" cascade;`);

    this.addSql(`drop table if exists "committee_members" cascade;`);

    this.addSql(`drop table if exists "complaints" cascade;`);

    this.addSql(`drop table if exists "control_plan_activities" cascade;`);

    this.addSql(`drop table if exists "deliveries" cascade;`);

    this.addSql(`drop table if exists "egp_bids" cascade;`);

    this.addSql(`drop table if exists "egp_contracts" cascade;`);

    this.addSql(`drop table if exists "gfmis_disbursements" cascade;`);

    this.addSql(`drop table if exists "gfmis_payments" cascade;`);

    this.addSql(`drop table if exists "people" cascade;`);

    this.addSql(`drop table if exists "plan_results" cascade;`);

    this.addSql(`drop table if exists "tender_events" cascade;`);

    this.addSql(`drop table if exists "vendors" cascade;`);
  }

}
