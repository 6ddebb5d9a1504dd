import { ImportedRow } from '../database/imported-row';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export const HOLIDAY_KINDS = ['public', 'substitution', 'cabinet', 'government'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/**
 * Days off that administrators add on top of the curated table in `common/thai-holidays.ts`
 * (Cabinet-declared days, corrections of lunar dates).
 */
@Entity({ tableName: 'holidays' })
export class HolidayDay extends ImportedRow {
  @PrimaryKey({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  kind!: HolidayKind;
}
