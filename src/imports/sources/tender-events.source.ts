import { z } from 'zod';
import { code, date, text } from '../fields';
import type { ImportSource } from '../source-definition';

/** tender-events — the announcement dates a unit keeps for open methods. */
export const tenderEventsSource: ImportSource = {
  name: 'tender-events',
  description: 'Invitation, bid deadline and winner-announcement dates per e-GP project',
  table: 'tender_events',
  roles: ['admin', 'auditor'],
  columns: [
    { key: 'project_id', aliases: ['เลขที่โครงการ', 'รหัสโครงการ'], required: true },
    { key: 'invitation_date', aliases: ['วันที่ประกาศเชิญชวน'] },
    { key: 'bid_deadline', aliases: ['วันยื่นข้อเสนอ', 'วันสิ้นสุดการยื่นข้อเสนอ'] },
    { key: 'winner_announced', aliases: ['วันประกาศผู้ชนะ'] },
    { key: 'legal_exception', aliases: ['เหตุผลตามมาตรา'] },
  ],
  target: [
    { name: 'project_id', type: 'text' },
    { name: 'invitation_date', type: 'date' },
    { name: 'bid_deadline', type: 'date' },
    { name: 'winner_announced', type: 'date' },
    { name: 'legal_exception', type: 'text' },
  ],
  naturalKey: ['project_id'],
  // Dates out of order are kept: that is what the timeline-inconsistency rule is there to flag.
  rowSchema: z.object({
    project_id: code({ required: true, pattern: /^(\d{11}|P\d{8,14})$/, patternHint: 'an e-GP project id of 11 digits' }),
    invitation_date: date(),
    bid_deadline: date(),
    winner_announced: date(),
    legal_exception: text({ max: 200 }),
  }),
};
