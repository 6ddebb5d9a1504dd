import { ImportedRow } from '../database/imported-row';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A project paid from the provincial budget: a candidate for a performance audit. */
@Entity({ tableName: 'budget_projects' })
@Index({ properties: ['fiscalYear'] })
@Index({ properties: ['agencyCode'] })
export class BudgetProject extends ImportedRow {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  agencyCode!: string;

  /** Buddhist Era fiscal year (ปีงบประมาณ). */
  @Property({ type: 'integer' })
  fiscalYear!: number;

  /** Exact baht; MikroORM maps numeric to string so no float ever touches it. */
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  budget?: string | null;

  @Property({ type: 'date', nullable: true })
  startDate?: string | null;

  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  /** e-GP project ids (เลขที่โครงการ e-GP) that carry this project's purchases. */
  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  egpProjectIds: string[] = [];
}
