import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** An auditor's decision that an e-GP agency name (as written) means this agency. */
@Entity({ tableName: 'agency_name_mappings' })
export class AgencyNameMapping {
  @PrimaryKey({ type: 'text' }) name!: string;
  @Property({ type: 'text' }) agencyCode!: string;
  @Property({ type: 'text', nullable: true }) createdBy?: string | null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Date = new Date();
}
