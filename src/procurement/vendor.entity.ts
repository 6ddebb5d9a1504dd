import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** A company from the registry extract, by its 13-digit juristic id. */
@Entity({ tableName: 'vendors' })
@Index({ properties: ['addressKey'] })
export class Vendor extends ImportedRow {
  @PrimaryKey({ type: 'text' }) tin!: string;
  @Property({ type: 'text', nullable: true }) name?: string | null;
  @Property({ type: 'date', nullable: true }) registeredDate?: string | null;
  @Property({ type: 'text', nullable: true }) address?: string | null;
  /** The address folded (spaces, Thai digits, abbreviations) so two firms at one address compare equal. */
  @Property({ type: 'text', nullable: true }) addressKey?: string | null;
  /** กรรมการ: names or ids. */
  @Property({ type: 'text[]', defaultRaw: `'{}'` }) directors: string[] = [];
  @Property({ type: 'text', nullable: true }) status?: string | null;
}
