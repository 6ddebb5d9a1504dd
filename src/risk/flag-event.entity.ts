import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One change of a flag's triage (status or note): who, when, from what to what. */
@Entity({ tableName: 'flag_events' })
@Index({ properties: ['flagId', 'at'] })
export class FlagEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'bigint' }) flagId!: string;
  @Property({ type: 'text' }) fromStatus!: string;
  @Property({ type: 'text' }) toStatus!: string;
  @Property({ type: 'text', nullable: true }) note?: string | null;
  @Property({ type: 'text', nullable: true }) by?: string | null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) at: Date = new Date();
}
