import { memoised } from './egp-memo';

/*
 * The coded values of the e-GP contract file (data-formats.md, "egp-contracts"): project type, purchase
 * method and contract status. Each is read into a small enum while the original text is kept beside it,
 * because the published wording drifts between years and an unknown wording is news, not an error.
 *
 * A file repeats the same few dozen texts a million times, so each classifier remembers its answers:
 * the folding and keyword checks run once per distinct text, not once per row.
 */

export type EgpProjectType = 'goods' | 'works' | 'services' | 'consulting' | 'rent' | 'other';

export type EgpMethod =
  | 'e_bidding'
  | 'e_market'
  | 'price_inquiry'
  | 'selection'
  | 'specific'
  | 'design_contest'
  | 'open_invitation'
  | 'legacy_agreed_price'
  | 'legacy_tender'
  | 'legacy_special'
  | 'other';

export type EgpContractStatus =
  | 'po_made'
  | 'in_progress'
  | 'delivered_on_time'
  | 'delivered_late'
  | 'delivered_complete'
  | 'cancelled'
  | 'ended'
  | 'other';

/** The published Thai wording of each value (what the CSV writer emits). */
export const EGP_PROJECT_TYPE_TEXT: Readonly<Record<Exclude<EgpProjectType, 'other'>, string>> = {
  goods: 'ซื้อ',
  works: 'จ้างก่อสร้าง',
  services: 'จ้างทำของ/จ้างเหมาบริการ',
  consulting: 'จ้างที่ปรึกษา',
  rent: 'เช่า',
};

export const EGP_METHOD_TEXT: Readonly<Record<Exclude<EgpMethod, 'other'>, string>> = {
  e_bidding: 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
  e_market: 'ตลาดอิเล็กทรอนิกส์ (e-market)',
  price_inquiry: 'สอบราคา',
  selection: 'คัดเลือก',
  specific: 'เฉพาะเจาะจง',
  design_contest: 'ประกวดแบบ',
  open_invitation: 'ประกาศเชิญชวนทั่วไป',
  legacy_agreed_price: 'ตกลงราคา',
  legacy_tender: 'ประกวดราคา',
  legacy_special: 'วิธีพิเศษ',
};

export const EGP_CONTRACT_STATUS_TEXT: Readonly<Record<Exclude<EgpContractStatus, 'other'>, string>> = {
  po_made: 'จัดทำสัญญา/ PO แล้ว',
  in_progress: 'ระหว่างดำเนินการ',
  delivered_on_time: 'ส่งงานตามกำหนด',
  delivered_late: 'ส่งงานล่าช้ากว่ากำหนด',
  delivered_complete: 'ส่งงานครบถ้วน',
  cancelled: 'ยกเลิกสัญญา',
  ended: 'สิ้นสุดสัญญา',
};

/** Spacing and case are typing noise in these texts ("จัดทำสัญญา/PO แล้ว", "E-Bidding"). */
const NOISE = /[\s\u200B]+/g;
function fold(text: string): string {
  return text.replace(NOISE, '').toLowerCase();
}

function lookupTable<T extends string>(labels: Readonly<Record<string, string>>, extra: Record<string, T>): Map<string, T> {
  const table = new Map<string, T>();
  for (const [value, text] of Object.entries(labels)) {
    table.set(fold(text), value as T);
    table.set(fold(value), value as T); // the enum value itself, for files already in English
  }
  for (const [text, value] of Object.entries(extra)) table.set(fold(text), value);
  return table;
}

const PROJECT_TYPES = lookupTable<EgpProjectType>(EGP_PROJECT_TYPE_TEXT, {
  จ้างทำของ: 'services',
  จ้างเหมาบริการ: 'services',
  'จ้างเหมาบริการ/จ้างทำของ': 'services',
  จ้างเหมา: 'services',
  ก่อสร้าง: 'works',
  ที่ปรึกษา: 'consulting',
  เช่าทรัพย์สิน: 'rent',
  ซื้อพัสดุ: 'goods',
});

/** The project type of a non-empty ชื่อประเภทโครงการ text; 'other' when the wording is unknown. */
export const classifyProjectType = memoised((text: string): EgpProjectType => PROJECT_TYPES.get(fold(text)) ?? 'other');

const METHODS = lookupTable<EgpMethod>(EGP_METHOD_TEXT, {
  'e-bidding': 'e_bidding',
  ebidding: 'e_bidding',
  ประกวดราคาอิเล็กทรอนิกส์: 'e_bidding',
  'e-market': 'e_market',
  emarket: 'e_market',
  ตลาดอิเล็กทรอนิกส์: 'e_market',
  พิเศษ: 'legacy_special',
});
const METHOD_PREFIX = 'วิธี';
// The generic group text names several methods at once; it is no method by itself.
const GENERIC_GROUP_MARKER = 'วิธีการจัดหา';
const GROUP_NAMES = ['ประกาศเชิญชวนทั่วไป', 'คัดเลือก', 'เฉพาะเจาะจง'];

/**
 * The purchase method a non-empty วิธีจัดซื้อฯ (or กลุ่มวิธีจัดซื้อฯ) text names, or 'other' when it names
 * none (an unknown wording, or the generic `วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง`).
 * "วิธีคัดเลือก" and "คัดเลือก" are the same method; e-bidding and e-market are also recognised by their
 * English names inside a longer text. The pre-2560 "ประกวดราคาด้วยวิธีการทางอิเล็กทรอนิกส์" (e-auction) is
 * deliberately not e-bidding.
 */
export const classifyMethod = memoised((text: string): EgpMethod => {
  const folded = fold(text);
  const exact = METHODS.get(folded);
  if (exact) return exact;
  if (isGenericMethodText(folded)) return 'other';
  if (folded.startsWith(METHOD_PREFIX)) {
    const withoutPrefix = METHODS.get(folded.slice(METHOD_PREFIX.length));
    if (withoutPrefix) return withoutPrefix;
  }
  if (folded.includes('e-bidding') || folded.includes('ประกวดราคาอิเล็กทรอนิกส์')) return 'e_bidding';
  if (folded.includes('e-market') || folded.includes('ตลาดอิเล็กทรอนิกส์')) return 'e_market';
  return 'other';
});

function isGenericMethodText(folded: string): boolean {
  if (folded.includes(GENERIC_GROUP_MARKER)) return true;
  let named = 0;
  for (const group of GROUP_NAMES) if (folded.includes(group)) named++;
  return named >= 2;
}

/**
 * How precisely a value names a purchase method: 2 for an actual method, 1 for open invitation (the
 * family e-bidding, e-market and price inquiry belong to, which the group column holds), 0 for none.
 * The method column should hold the more precise of the two texts.
 */
export function methodPrecision(method: EgpMethod | null): number {
  if (method === null || method === 'other') return 0;
  return method === 'open_invitation' ? 1 : 2;
}

const CONTRACT_STATUSES = lookupTable<EgpContractStatus>(EGP_CONTRACT_STATUS_TEXT, {
  จัดทำสัญญา: 'po_made',
});

/** The contract status of a non-empty สถานะสัญญา text; 'other' when the wording is unknown. */
export const classifyContractStatus = memoised(
  (text: string): EgpContractStatus => CONTRACT_STATUSES.get(fold(text)) ?? 'other',
);
