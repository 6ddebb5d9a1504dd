import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/** One installment of a contract: when it was due, delivered, inspected, and the penalty charged. */
@Entity({ tableName: 'deliveries' })
@Unique({ properties: ['projectId', 'contractNo', 'installment'] })
export class Delivery extends ImportedRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'text' }) projectId!: string;
  @Property({ type: 'text', default: '' }) contractNo: string = '';
  @Property({ type: 'integer' }) installment!: number;
  @Property({ type: 'date', nullable: true }) dueDate?: string | null;
  @Property({ type: 'date', nullable: true }) deliveredDate?: string | null;
  @Property({ type: 'date', nullable: true }) inspectedDate?: string | null;
  /** ผลการตรวจรับ: true ผ่าน, false ไม่ผ่าน, null not inspected. */
  @Property({ type: 'boolean', nullable: true }) accepted?: boolean | null;
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) value?: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) penaltyCharged?: string | null;
}
