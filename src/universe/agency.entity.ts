import { ImportedRow } from '../database/imported-row';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A provincial agency (ส่วนราชการ): one member of the audit universe. */
@Entity({ tableName: 'agencies' })
export class Agency extends ImportedRow {
  /** GFMIS 5-digit code or the province's own code (รหัสหน่วยงาน); text, leading zeros matter. */
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  nameEn?: string | null;

  @Property({ type: 'text', nullable: true })
  kind?: string | null;

  @Property({ type: 'text', nullable: true })
  district?: string | null;

  /** Date of the last audit (ตรวจสอบครั้งล่าสุด); drives the coverage cycle of the audit plan. */
  @Property({ type: 'date', nullable: true })
  lastAudited?: string | null;
}
