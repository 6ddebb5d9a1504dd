import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** A bid on an e-GP project (the open data has names only; units add prices). */
@Entity({ tableName: 'egp_bids' })
@Unique({ properties: ['projectId', 'bidderKey'] })
@Index({ properties: ['bidderTin'] })
export class EgpBid extends ImportedRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'text' }) projectId!: string;
  /** The bidder's tax id, or `name:<normalised name>` when the file gives no tax id. */
  @Property({ type: 'text' }) bidderKey!: string;
  @Property({ type: 'text', nullable: true }) bidderTin?: string | null;
  @Property({ type: 'text', nullable: true }) bidderName?: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) bidAmount?: string | null;
  @Property({ type: 'date', nullable: true }) bidDate?: string | null;
  /** valid (ผ่านคุณสมบัติ), disqualified (ไม่ผ่านคุณสมบัติ), winner (ผู้ชนะ). */
  @Property({ type: 'text', nullable: true }) status?: string | null;
}
