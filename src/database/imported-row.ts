import { Property } from '@mikro-orm/core';

/** Columns every imported table carries: which batch last wrote the row, and when. */
export abstract class ImportedRow {
  @Property({ type: 'bigint', nullable: true })
  importBatchId?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
