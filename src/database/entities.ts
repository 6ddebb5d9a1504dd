import { AuditEngagement } from '../audit-plan/audit-engagement.entity';
import { AuditPlanEvent } from '../audit-plan/audit-plan-event.entity';
import { AuditPlan } from '../audit-plan/audit-plan.entity';
import { ApiUser } from '../auth/api-user.entity';
import { Complaint } from '../complaints/complaint.entity';
import { GfmisDisbursement } from '../finance/gfmis-disbursement.entity';
import { GfmisPayment } from '../finance/gfmis-payment.entity';
import { ImportBatch } from '../imports/import-batch.entity';
import { Finding } from '../findings/finding.entity';
import { Flag } from '../risk/flag.entity';
import { FlagEvent } from '../risk/flag-event.entity';
import { NotCalculableResult } from '../risk/not-calculable-result.entity';
import { RiskRun } from '../risk/risk-run.entity';
import { RiskRunRule } from '../risk/risk-run-rule.entity';
import { ControlPlanActivity } from '../plans/control-plan-activity.entity';
import { PlanResult } from '../plans/plan-result.entity';
import { BlacklistEntry } from '../procurement/blacklist-entry.entity';
import { CommitteeMember } from '../procurement/committee-member.entity';
import { Delivery } from '../procurement/delivery.entity';
import { EgpBid } from '../procurement/egp-bid.entity';
import { EgpContract } from '../procurement/egp-contract.entity';
import { Person } from '../procurement/person.entity';
import { TenderEvent } from '../procurement/tender-event.entity';
import { Vendor } from '../procurement/vendor.entity';
import { Agency } from '../universe/agency.entity';
import { AgencyNameMapping } from '../universe/agency-name-mapping.entity';
import { Auditor } from '../universe/auditor.entity';
import { BudgetProject } from '../universe/budget-project.entity';
import { HolidayDay } from '../universe/holiday.entity';

/** Every entity, listed explicitly so discovery behaves the same under ts-node, ts-jest and `node dist`. */
export const ENTITIES = [
  Agency,
  AgencyNameMapping,
  BudgetProject,
  HolidayDay,
  Auditor,
  ApiUser,
  ImportBatch,
  EgpContract,
  EgpBid,
  TenderEvent,
  Person,
  CommitteeMember,
  Delivery,
  Vendor,
  BlacklistEntry,
  GfmisDisbursement,
  GfmisPayment,
  ControlPlanActivity,
  PlanResult,
  Complaint,
  RiskRun,
  RiskRunRule,
  NotCalculableResult,
  Flag,
  FlagEvent,
  Finding,
  AuditPlan,
  AuditEngagement,
  AuditPlanEvent,
];
