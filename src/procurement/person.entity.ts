import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** A person who sits on committees: the same person across purchases, by staff or citizen id. */
@Entity({ tableName: 'people' })
export class Person extends ImportedRow {
  @PrimaryKey({ type: 'text' }) personId!: string;
  @Property({ type: 'text', nullable: true }) name?: string | null;
}
