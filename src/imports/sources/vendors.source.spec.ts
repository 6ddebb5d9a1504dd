import { addressKey } from './vendors.source';

describe('addressKey (the folded address shared-director-or-address compares)', () => {
  it('folds the usual abbreviations, Thai digits, spacing and punctuation', () => {
    expect(addressKey('เลขที่ ๘๘/๑ หมู่ที่ ๕ ตำบลเนินพระ อำเภอเมืองระยอง จังหวัดระยอง')).toBe(
      addressKey('88/1 ม.5 ต.เนินพระ อ.เมืองระยอง จ.ระยอง'),
    );
  });

  it('keeps different house numbers apart', () => {
    expect(addressKey('88/1 ม.5 ต.เนินพระ')).not.toBe(addressKey('8/81 ม.5 ต.เนินพระ'));
    expect(addressKey('88/1 ม.5 ต.เนินพระ')).not.toBe(addressKey('88/12 ม.5 ต.เนินพระ'));
    expect(addressKey('12 3 ถนนสุขุมวิท')).not.toBe(addressKey('1 23 ถนนสุขุมวิท'));
  });

  it('has no key for no address', () => {
    expect(addressKey(null)).toBeNull();
    expect(addressKey('')).toBeNull();
  });
});
