import { foldHeader } from '../../imports/header-mapping';

/*
 * The columns of the Comptroller General's Department e-GP open-data contract file (data-formats.md,
 * "egp-contracts"). The published Thai header has 28 names; the open-data JSON API names 27 of them
 * (it has no running number), so the first one, ลำดับ, gets the key `seq` here.
 *
 * The ORDER of EGP_KEYS matters: it is the order in which every published layout writes its 28 values,
 * including the FY2568 files whose header does not match their rows (egp-layout.ts reads those by
 * position, so this list is the single source of that order).
 */

export const EGP_KEYS = [
  'seq',
  'project_id',
  'project_name',
  'project_type_name',
  'dept_name',
  'dept_sub_name',
  'purchase_method_name',
  'purchase_method_group_name',
  'announce_date',
  'project_money',
  'price_build',
  'sum_price_agree',
  'budget_year',
  'transaction_date',
  'province',
  'district',
  'subdistrict',
  'project_status',
  'location',
  'lat',
  'lon',
  'winner_tin',
  'winner',
  'contract_no',
  'contract_date',
  'contract_finish_date',
  'price_agree',
  'contract_status',
] as const;

export type EgpKey = (typeof EGP_KEYS)[number];

/** Number of values a published row carries (without `_id` and without the `(Eng)` place columns). */
export const EGP_CANONICAL_COUNT = EGP_KEYS.length; // 28

/** The Thai headers exactly as data-formats.md lists them (the published spelling, spaces included). */
export const EGP_THAI_HEADERS: Readonly<Record<EgpKey, string>> = {
  seq: 'ลำดับ',
  project_id: 'รหัสโครงการ',
  project_name: 'ชื่อโครงการ',
  project_type_name: 'ชื่อประเภทโครงการ',
  dept_name: 'ชื่อหน่วยงาน',
  dept_sub_name: 'ชื่อหน่วยงานย่อย',
  purchase_method_name: 'วิธีจัดซื้อฯ',
  purchase_method_group_name: 'กลุ่มวิธีจัดซื้อฯ',
  announce_date: 'วันที่ประกาศ',
  project_money: 'งบประมาณ(บาท)',
  price_build: 'ราคากลาง(บาท)',
  sum_price_agree: 'ราคาตกลงซื้อ/จ้าง',
  budget_year: 'ปีงบประมาณ',
  transaction_date: 'วันที่เกิดรายการ',
  province: 'จังหวัด',
  district: 'เขต/อำเภอ',
  subdistrict: 'แขวง/ตำบล',
  project_status: 'สถานะโครงการ',
  location: 'พิกัดของโครงการ',
  lat: 'ละติจูดโครงการ',
  lon: 'ลองจิจูดโครงการ',
  winner_tin: 'เลขนิติบุคคล',
  winner: 'ชื่อผู้ชนะ',
  contract_no: 'เลขที่สัญญา',
  contract_date: 'วันที่ลงนามสัญญา',
  contract_finish_date: 'วันที่สิ้นสุดสัญญา',
  price_agree: 'งบสัญญา(บาท)',
  contract_status: 'สถานะสัญญา',
};

/** The place columns that FY2565–2567 files follow with an English-name twin. */
export type EgpPlaceKey = 'province' | 'district' | 'subdistrict';

/** The English-name twins, each written right after its Thai column in FY2565–2567 files. */
export const EGP_ENG_PLACE_HEADERS: Readonly<Record<EgpPlaceKey, string>> = {
  province: 'จังหวัด (Eng)',
  district: 'เขต/อำเภอ (Eng)',
  subdistrict: 'แขวง/ตำบล (Eng)',
};

/** The record id the open-data portal (CKAN datastore) puts before every column of a dump. */
export const EGP_ID_HEADER = '_id';

/** What one header cell names, once folded. */
export type EgpHeaderMatch =
  | { kind: 'key'; key: EgpKey; spelling: 'thai' | 'english' }
  | { kind: 'eng-place'; place: EgpPlaceKey }
  | { kind: 'id' };

// Built once: detection folds each header cell and looks it up here instead of comparing strings in loops.
const HEADER_LOOKUP = new Map<string, EgpHeaderMatch>();
for (const key of EGP_KEYS) {
  HEADER_LOOKUP.set(foldHeader(EGP_THAI_HEADERS[key]), { kind: 'key', key, spelling: 'thai' });
  HEADER_LOOKUP.set(foldHeader(key), { kind: 'key', key, spelling: 'english' });
}
for (const place of Object.keys(EGP_ENG_PLACE_HEADERS) as EgpPlaceKey[]) {
  HEADER_LOOKUP.set(foldHeader(EGP_ENG_PLACE_HEADERS[place]), { kind: 'eng-place', place });
}
HEADER_LOOKUP.set(foldHeader(EGP_ID_HEADER), { kind: 'id' });

/** Names a header cell (Thai header, English key, `(Eng)` twin or `_id`), ignoring case, spaces and a BOM. */
export function matchEgpHeader(text: string): EgpHeaderMatch | undefined {
  return HEADER_LOOKUP.get(foldHeader(text));
}

/** The position of each key in the canonical 28-value order. */
export const EGP_CANONICAL_INDEX: Readonly<Record<EgpKey, number>> = Object.fromEntries(
  EGP_KEYS.map((key, index) => [key, index]),
) as Record<EgpKey, number>;
