import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** A person's seat on one committee of one purchase. */
@Entity({ tableName: 'committee_members' })
@Unique({ properties: ['projectId', 'committeeType', 'personId'] })
@Index({ properties: ['personId'] })
export class CommitteeMember extends ImportedRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'text' }) projectId!: string;
  /** tor, reference_price, evaluation, selection, specific, inspection, supervisor, procurement_officer. */
  @Property({ type: 'text' }) committeeType!: string;
  @Property({ type: 'text' }) personId!: string;
  /** chair, member, secretary. */
  @Property({ type: 'text', nullable: true }) role?: string | null;
  @Property({ type: 'date', nullable: true }) appointedDate?: string | null;
}
