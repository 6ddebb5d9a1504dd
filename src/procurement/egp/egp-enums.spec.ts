import {
  classifyContractStatus,
  classifyMethod,
  classifyProjectType,
  EGP_CONTRACT_STATUS_TEXT,
  EGP_METHOD_TEXT,
  EGP_PROJECT_TYPE_TEXT,
  methodPrecision,
} from './egp-enums';

describe('classifyProjectType', () => {
  it.each([
    ['ซื้อ', 'goods'],
    ['จ้างก่อสร้าง', 'works'],
    ['จ้างทำของ/จ้างเหมาบริการ', 'services'],
    ['จ้างทำของ / จ้างเหมาบริการ', 'services'],
    ['จ้างเหมาบริการ', 'services'],
    ['จ้างที่ปรึกษา', 'consulting'],
    ['เช่า', 'rent'],
    ['goods', 'goods'],
  ])('%s → %s', (text, expected) => {
    expect(classifyProjectType(text)).toBe(expected);
  });

  it('calls an unknown wording other', () => {
    expect(classifyProjectType('แลกเปลี่ยน')).toBe('other');
  });

  it('reads back every published wording', () => {
    for (const [value, text] of Object.entries(EGP_PROJECT_TYPE_TEXT)) expect(classifyProjectType(text)).toBe(value);
  });
});

describe('classifyMethod', () => {
  it.each([
    ['ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', 'e_bidding'],
    ['ประกวดราคาอิเล็กทรอนิกส์(e-bidding)', 'e_bidding'],
    ['วิธีประกวดราคาอิเล็กทรอนิกส์ (e-Bidding)', 'e_bidding'],
    ['e-bidding', 'e_bidding'],
    ['ตลาดอิเล็กทรอนิกส์ (e-market)', 'e_market'],
    ['วิธีตลาดอิเล็กทรอนิกส์', 'e_market'],
    ['เฉพาะเจาะจง', 'specific'],
    ['วิธีเฉพาะเจาะจง', 'specific'],
    ['คัดเลือก', 'selection'],
    ['วิธีคัดเลือก', 'selection'],
    ['สอบราคา', 'price_inquiry'],
    ['ประกวดแบบ', 'design_contest'],
    ['ประกาศเชิญชวนทั่วไป', 'open_invitation'],
    ['ตกลงราคา', 'legacy_agreed_price'],
    ['วิธีตกลงราคา', 'legacy_agreed_price'],
    ['ประกวดราคา', 'legacy_tender'],
    ['วิธีพิเศษ', 'legacy_special'],
  ])('%s → %s', (text, expected) => {
    expect(classifyMethod(text)).toBe(expected);
  });

  it('finds no method in the generic group text', () => {
    expect(classifyMethod('วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง')).toBe('other');
    expect(classifyMethod('ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง')).toBe('other');
  });

  it('does not take the pre-2560 electronic auction for e-bidding', () => {
    expect(classifyMethod('ประกวดราคาด้วยวิธีการทางอิเล็กทรอนิกส์')).toBe('other');
  });

  it('reads back every published wording', () => {
    for (const [value, text] of Object.entries(EGP_METHOD_TEXT)) expect(classifyMethod(text)).toBe(value);
  });
});

describe('methodPrecision', () => {
  it('ranks a method above open invitation above nothing', () => {
    expect(methodPrecision('e_bidding')).toBe(2);
    expect(methodPrecision('specific')).toBe(2);
    expect(methodPrecision('open_invitation')).toBe(1);
    expect(methodPrecision('other')).toBe(0);
    expect(methodPrecision(null)).toBe(0);
  });
});

describe('classifyContractStatus', () => {
  it('reads back every published wording', () => {
    for (const [value, text] of Object.entries(EGP_CONTRACT_STATUS_TEXT)) expect(classifyContractStatus(text)).toBe(value);
  });

  it('ignores spacing and case in "จัดทำสัญญา/ PO แล้ว"', () => {
    expect(classifyContractStatus('จัดทำสัญญา/PO แล้ว')).toBe('po_made');
    expect(classifyContractStatus('จัดทำสัญญา / po แล้ว')).toBe('po_made');
  });

  it('calls an unknown wording other', () => {
    expect(classifyContractStatus('แก้ไขสัญญา')).toBe('other');
  });
});
