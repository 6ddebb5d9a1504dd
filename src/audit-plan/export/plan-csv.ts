import { csvLine } from '../../common/csv/write-csv';
import type { AuditPlanView } from '../audit-plan.views';
import { PLAN_COLUMNS } from './plan-columns';

/*
 * Excel on Thai Windows reads a CSV without a byte-order mark as TIS-620 and shows UTF-8 Thai as mojibake;
 * the BOM makes it read UTF-8. Lines end in CRLF as RFC 4180 asks, which Excel also expects.
 */
const BOM = '\uFEFF';
const EOL = '\r\n';

/** The annual plan as a CSV for Excel: Thai headers, BE dates, one row per engagement in rank order. */
export function planToCsv(plan: AuditPlanView): string {
  const lines = [csvLine(PLAN_COLUMNS.map((c) => c.header))];
  for (const engagement of [...plan.engagements].sort((a, b) => a.rank - b.rank)) {
    lines.push(csvLine(PLAN_COLUMNS.map((c) => c.value(engagement))));
  }
  return BOM + lines.join(EOL) + EOL;
}
