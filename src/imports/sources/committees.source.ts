import type { PoolClient } from 'pg';
import { z } from 'zod';
import { ident } from '../../database/sql-identifier';
import { code, date, oneOf, text } from '../fields';
import type { ImportSource } from '../source-definition';
import type { StagingTable } from '../staging-table';

const COMMITTEE_TYPES = {
  tor: 'tor',
  'กำหนดร่างขอบเขตของงาน': 'tor',
  reference_price: 'reference_price',
  'ราคากลาง': 'reference_price',
  evaluation: 'evaluation',
  'พิจารณาผล': 'evaluation',
  'พิจารณาผลการประกวดราคา': 'evaluation',
  selection: 'selection',
  'คัดเลือก': 'selection',
  specific: 'specific',
  'เฉพาะเจาะจง': 'specific',
  inspection: 'inspection',
  'ตรวจรับพัสดุ': 'inspection',
  'ตรวจรับ': 'inspection',
  'ผู้ตรวจรับพัสดุ': 'inspection',
  supervisor: 'supervisor',
  'ผู้ควบคุมงาน': 'supervisor',
  procurement_officer: 'procurement_officer',
  'เจ้าหน้าที่พัสดุ': 'procurement_officer',
} as const;

const ROLES = {
  chair: 'chair',
  'ประธาน': 'chair',
  'ประธานกรรมการ': 'chair',
  member: 'member',
  'กรรมการ': 'member',
  secretary: 'secretary',
  'เลขานุการ': 'secretary',
  'กรรมการและเลขานุการ': 'secretary',
} as const;

/**
 * committees — who sat on which committee of which purchase. People are entities: the same person
 * id across purchases is one row of `people`, filled here from the names in the file.
 */
export const committeesSource: ImportSource = {
  name: 'committees',
  description: 'Committee members per purchase (ประเภทคณะกรรมการ, เลขประจำตัว, ชื่อ-สกุล, ตำแหน่ง)',
  table: 'committee_members',
  roles: ['admin', 'auditor'],
  columns: [
    { key: 'project_id', aliases: ['เลขที่โครงการ', 'รหัสโครงการ'], required: true },
    { key: 'committee_type', aliases: ['ประเภทคณะกรรมการ'], required: true },
    { key: 'person_id', aliases: ['เลขประจำตัว'], required: true },
    { key: 'person_name', aliases: ['ชื่อ-สกุล', 'ชื่อ - สกุล', 'ชื่อสกุล'] },
    { key: 'role', aliases: ['ตำแหน่งในคณะกรรมการ', 'ตำแหน่ง'] },
    { key: 'appointed_date', aliases: ['วันที่แต่งตั้ง'] },
  ],
  target: [
    { name: 'project_id', type: 'text' },
    { name: 'committee_type', type: 'text' },
    { name: 'person_id', type: 'text' },
    { name: 'role', type: 'text' },
    { name: 'appointed_date', type: 'date' },
  ],
  stagingExtra: [{ name: 'person_name', type: 'text' }],
  naturalKey: ['project_id', 'committee_type', 'person_id'],
  rowSchema: z.object({
    project_id: code({ required: true, pattern: /^(\d{11}|P\d{8,14})$/, patternHint: 'an e-GP project id of 11 digits' }),
    committee_type: oneOf(COMMITTEE_TYPES, { required: true }),
    person_id: code({ required: true, pattern: /^[0-9A-Za-z-]{1,20}$/, patternHint: 'a staff or citizen id' }),
    person_name: text({ max: 200 }),
    role: oneOf(ROLES),
    appointed_date: date(),
  }),

  /** Every person in the file exists in `people`, with the name the file gives (the last one wins). */
  async afterMerge(client: PoolClient, staging: StagingTable, batchId: string): Promise<void> {
    await client.query(
      `insert into people (person_id, name, import_batch_id, updated_at)
       select distinct on (person_id) person_id, person_name, $1::bigint, now()
       from ${ident(staging.name)} order by person_id, (person_name is null), row_no desc
       on conflict (person_id) do update set name = coalesce(excluded.name, people.name),
         import_batch_id = excluded.import_batch_id, updated_at = now()
       where excluded.name is not null and people.name is distinct from excluded.name`,
      [batchId],
    );
  },
};
