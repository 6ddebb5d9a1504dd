import { Migration } from '@mikro-orm/migrations';

/**
 * Who runs a batch or a rule run: the `application_name` of the session that inserted it, which every
 * connection of a service process sets to `audit-radar:<instance id>` (src/database/instance-name.ts). At
 * start-up, `running` work whose runner has no session left is marked `interrupted` (WorkSweeper).
 * The column is added first and given its default after, so rows from before this migration keep null
 * (runner unknown) rather than the migrating session's name.
 */
export class Migration20261208020001_work_runner extends Migration {
  override async up(): Promise<void> {
    for (const table of ['import_batches', 'risk_runs']) {
      this.addSql(`alter table "${table}" add column "runner" text null;`);
      this.addSql(`alter table "${table}" alter column "runner" set default current_setting('application_name');`);
      this.addSql(`create index "${table}_running_index" on "${table}" ("runner") where "status" = 'running';`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['import_batches', 'risk_runs']) {
      this.addSql(`drop index if exists "${table}_running_index";`);
      this.addSql(`alter table "${table}" drop column "runner";`);
    }
  }
}
