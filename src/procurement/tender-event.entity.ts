import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** The announcement dates a unit keeps for an open-method purchase. */
@Entity({ tableName: 'tender_events' })
export class TenderEvent extends ImportedRow {
  @PrimaryKey({ type: 'text' }) projectId!: string;
  @Property({ type: 'date', nullable: true }) invitationDate?: string | null;
  @Property({ type: 'date', nullable: true }) bidDeadline?: string | null;
  @Property({ type: 'date', nullable: true }) winnerAnnounced?: string | null;
  /** เหตุผลตามมาตรา, e.g. 56(2)(ค), for a specific method above the limit. */
  @Property({ type: 'text', nullable: true }) legalException?: string | null;
}
