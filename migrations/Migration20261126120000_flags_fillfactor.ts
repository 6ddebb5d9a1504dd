import { Migration } from '@mikro-orm/migrations';

/**
 * Room on each page of `flags` for a second version of every row. A rule run updates every flag it finds again
 * (its run, score, evidence) while the indexed columns (rule, key, agency, year, status, project ids, tax ids)
 * stay the same: with free space on the page PostgreSQL makes that a HOT update, which writes no index entry,
 * so the GIN indexes on the lists are not touched. At 100 % (the default) every re-found flag cost a new entry in
 * five indexes: the flag merges of a re-run took 19 s of 130 over 500k contracts, 3 s with this
 * (docs/performance.md). Storage only: no column changes; new pages take it at once, VACUUM FULL rewrites old ones.
 */
export class Migration20261126120000_flags_fillfactor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "flags" set (fillfactor = 50);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "flags" reset (fillfactor);`);
  }
}
