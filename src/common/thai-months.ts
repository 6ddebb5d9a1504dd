/*
 * Thai month names as data files write them: the official abbreviations (ม.ค. … ธ.ค.) and the full
 * names. Typing varies (a missing final dot, a space inside "ก. ย.", no dots at all), so names are
 * compared with dots and spaces removed.
 */

export interface ThaiMonth {
  number: number;
  abbreviation: string;
  name: string;
}

export const THAI_MONTHS: readonly ThaiMonth[] = [
  { number: 1, abbreviation: 'ม.ค.', name: 'มกราคม' },
  { number: 2, abbreviation: 'ก.พ.', name: 'กุมภาพันธ์' },
  { number: 3, abbreviation: 'มี.ค.', name: 'มีนาคม' },
  { number: 4, abbreviation: 'เม.ย.', name: 'เมษายน' },
  { number: 5, abbreviation: 'พ.ค.', name: 'พฤษภาคม' },
  { number: 6, abbreviation: 'มิ.ย.', name: 'มิถุนายน' },
  { number: 7, abbreviation: 'ก.ค.', name: 'กรกฎาคม' },
  { number: 8, abbreviation: 'ส.ค.', name: 'สิงหาคม' },
  { number: 9, abbreviation: 'ก.ย.', name: 'กันยายน' },
  { number: 10, abbreviation: 'ต.ค.', name: 'ตุลาคม' },
  { number: 11, abbreviation: 'พ.ย.', name: 'พฤศจิกายน' },
  { number: 12, abbreviation: 'ธ.ค.', name: 'ธันวาคม' },
];

function key(text: string): string {
  return text.replace(/[.\s]/g, '');
}

const BY_KEY = new Map<string, number>();
for (const month of THAI_MONTHS) {
  BY_KEY.set(key(month.abbreviation), month.number);
  BY_KEY.set(key(month.name), month.number);
}
// กุมภาพันธ์ is often typed without its final silent-letter mark (์).
BY_KEY.set('กุมภาพันธ', 2);

/** Month number 1–12 for a Thai month abbreviation or name, or undefined when it is not one. */
export function thaiMonthNumber(text: string): number | undefined {
  return BY_KEY.get(key(text));
}
