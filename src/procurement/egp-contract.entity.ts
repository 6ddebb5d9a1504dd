import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ImportedRow } from '../database/imported-row';

/**
 * One row of the e-GP open-data contract file: a procurement project and one of its contracts
 * (a project without a contract has contract_no ''). Project columns repeat per contract, as
 * published; `egp_projects` is the view with one row per project.
 */
@Entity({ tableName: 'egp_contracts' })
@Unique({ properties: ['projectId', 'contractNo'] })
@Index({ properties: ['agencyCode', 'winnerTin', 'contractDate'] })
@Index({ properties: ['winnerTin'] })
@Index({ properties: ['fiscalYear'] })
@Index({ properties: ['deptName'] })
export class EgpContract extends ImportedRow {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** รหัสโครงการ: 11 digits (the first two are the BE year), or a plan-stage id starting with P. */
  @Property({ type: 'text' })
  projectId!: string;

  /** เลขที่สัญญา; '' when the project has no contract (yet). */
  @Property({ type: 'text', default: '' })
  contractNo: string = '';

  @Property({ type: 'text', nullable: true }) projectName?: string | null;
  /** goods, works, services, consulting, rent, other. */
  @Property({ type: 'text', nullable: true }) projectType?: string | null;
  @Property({ type: 'text', nullable: true }) projectTypeText?: string | null;
  /** ชื่อหน่วยงาน as e-GP writes it; matched to `agencyCode` by name. */
  @Property({ type: 'text', nullable: true }) deptName?: string | null;
  @Property({ type: 'text', nullable: true }) deptSubName?: string | null;
  /** The matched agency, null while the name is unmatched (see /api/agency-names/unmatched). */
  @Property({ type: 'text', nullable: true }) agencyCode?: string | null;
  /** How the agency was matched: exact, normalised or mapped. */
  @Property({ type: 'text', nullable: true }) agencyMatch?: string | null;
  /** e_bidding, e_market, price_inquiry, selection, specific, design_contest, open_invitation, legacy_*, other. */
  @Property({ type: 'text', nullable: true }) method?: string | null;
  @Property({ type: 'text', nullable: true }) methodText?: string | null;
  @Property({ type: 'text', nullable: true }) methodGroupText?: string | null;
  @Property({ type: 'date', nullable: true }) announceDate?: string | null;
  /** งบประมาณ (budget). */
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) projectMoney?: string | null;
  /** ราคากลาง (reference price). */
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) priceBuild?: string | null;
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) sumPriceAgree?: string | null;
  @Property({ type: 'integer', nullable: true }) budgetYear?: number | null;
  /** The fiscal year the contract belongs to: of its signing date, else the budget year. */
  @Property({ type: 'integer', nullable: true }) fiscalYear?: number | null;
  @Property({ type: 'date', nullable: true }) transactionDate?: string | null;
  @Property({ type: 'text', nullable: true }) province?: string | null;
  @Property({ type: 'text', nullable: true }) district?: string | null;
  @Property({ type: 'text', nullable: true }) subdistrict?: string | null;
  @Property({ type: 'text', nullable: true }) projectStatus?: string | null;
  @Property({ type: 'text', nullable: true }) location?: string | null;
  @Property({ type: 'double', nullable: true }) lat?: number | null;
  @Property({ type: 'double', nullable: true }) lon?: number | null;
  /** The winner's tax id as published, kept even when it could not be read (Excel damage). */
  @Property({ type: 'text', nullable: true }) winnerTinRaw?: string | null;
  @Property({ type: 'text', nullable: true }) winnerTin?: string | null;
  @Property({ type: 'boolean', default: false }) winnerTinValid: boolean = false;
  @Property({ type: 'text', nullable: true }) winnerName?: string | null;
  @Property({ type: 'date', nullable: true }) contractDate?: string | null;
  @Property({ type: 'date', nullable: true }) contractFinishDate?: string | null;
  /** The contract price (ราคาตกลงซื้อ/จ้าง or งบสัญญา). */
  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true }) priceAgree?: string | null;
  @Property({ type: 'text', nullable: true }) contractStatus?: string | null;
  @Property({ type: 'text', nullable: true }) contractStatusText?: string | null;
}
