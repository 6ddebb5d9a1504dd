import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** ผู้ทิ้งงาน: a vendor barred from awards from `listedDate` until `liftedDate` (open-ended when null). */
@Entity({ tableName: 'blacklist_entries' })
@Unique({ properties: ['tin', 'listedDate'] })
export class BlacklistEntry extends ImportedRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'text' }) tin!: string;
  @Property({ type: 'text', nullable: true }) name?: string | null;
  @Property({ type: 'date' }) listedDate!: string;
  @Property({ type: 'text', nullable: true }) orderNo?: string | null;
  @Property({ type: 'date', nullable: true }) liftedDate?: string | null;
}
