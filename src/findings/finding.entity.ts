import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

export type FindingStatus = 'open' | 'answered' | 'accepted' | 'reopened' | 'closed';

/**
 * An audit finding (ข้อตรวจพบ) addressed to one agency, which must answer it by its due date. The rules
 * (overdue-finding-response) and the risk scores (open findings) read this table; the findings API that
 * writes it is its own issue.
 */
@Entity({ tableName: 'findings' })
@Index({ properties: ['agencyCode', 'status'] })
export class Finding {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'text' }) agencyCode!: string;
  @Property({ type: 'integer' }) fiscalYear!: number;
  @Property({ type: 'text' }) title!: string;
  @Property({ type: 'text', nullable: true }) detail?: string | null;
  @Property({ type: 'text', nullable: true }) recommendation?: string | null;
  @Property({ type: 'text', nullable: true }) severity?: string | null;
  @Property({ type: 'date', nullable: true }) dueDate?: string | null;
  @Property({ type: 'text', defaultRaw: `'open'` }) status: FindingStatus = 'open';
  /** When the agency first answered (null: no answer yet). */
  @Property({ type: 'timestamptz', nullable: true }) firstAnsweredAt?: Date | null;
  @Property({ type: 'text', nullable: true }) createdBy?: string | null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) updatedAt: Date = new Date();
}
