import { Migration } from '@mikro-orm/migrations';

export class Migration20261126015212_payment_fiscal_year extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "gfmis_payments_agency_code_index";`);

    this.addSql(`alter table "gfmis_payments" add column "fiscal_year" int null;`);
    // Rows imported before this column: the BE fiscal year of the posting date (it starts on 1 October).
    // New rows get it from the import (src/common/fiscal-year.ts).
    this.addSql(`update "gfmis_payments" set "fiscal_year" = extract(year from "posting_date" + interval '3 months')::int + 543 where "posting_date" is not null;`);
    this.addSql(`create index "gfmis_payments_agency_code_fiscal_year_index" on "gfmis_payments" ("agency_code", "fiscal_year");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "gfmis_payments_agency_code_fiscal_year_index";`);
    this.addSql(`alter table "gfmis_payments" drop column "fiscal_year";`);

    this.addSql(`create index "gfmis_payments_agency_code_index" on "gfmis_payments" ("agency_code");`);
  }

}
