import { parsePlanTarget, percentAchieved, PlanTarget } from './plan-target';

/** parsePlanTarget's reading without the text, for compact expectations. */
function reading(raw: string | null | undefined): Omit<PlanTarget, 'text'> {
  const { text: _text, ...rest } = parsePlanTarget(raw);
  return rest;
}

const none = { value: null, unit: null, comparison: null, scale: null, per: null };

describe('parsePlanTarget', () => {
  describe('counts', () => {
    it.each([
      ['๓๒ หน่วยงาน', '32', 'หน่วยงาน'],
      ['32 หน่วยงาน', '32', 'หน่วยงาน'],
      ['๓๒หน่วยงาน', '32', 'หน่วยงาน'],
      ['1,200 คน', '1200', 'คน'],
      ['๑,๒๐๐ คน', '1200', 'คน'],
      ['๕ โครงการ', '5', 'โครงการ'],
      ['๑๒ หน่วยรับตรวจ', '12', 'หน่วยรับตรวจ'],
      ['จำนวน ๓๒ หน่วยงาน', '32', 'หน่วยงาน'],
      ['ผู้เข้ารับการอบรม ๕๐ คน', '50', 'คน'],
      ['ดำเนินการแล้ว ๓๐ หน่วยงาน', '30', 'หน่วยงาน'],
      ['๑ ฉบับ', '1', 'ฉบับ'],
      ['2.5 ชั่วโมง', '2.5', 'ชั่วโมง'],
      ['๐ เรื่อง', '0', 'เรื่อง'],
      ['3 ครั้ง.', '3', 'ครั้ง'],
    ])('%s → %s %s', (raw, value, unit) => {
      expect(reading(raw)).toEqual({ value, unit, comparison: 'eq', scale: 'count', per: null });
    });

    it('reads a bare number as a count with no unit', () => {
      expect(reading('๘๐')).toEqual({ value: '80', unit: null, comparison: 'eq', scale: 'count', per: null });
    });

    it('keeps the exact decimal and drops only leading zeros', () => {
      expect(parsePlanTarget('087.50 คน').value).toBe('87.50');
      expect(parsePlanTarget('0.5 วัน').value).toBe('0.5');
    });

    it('takes the first word after the number as the unit (Thai has no spaces between words)', () => {
      expect(parsePlanTarget('๓๒ หน่วยงาน ที่ได้รับการตรวจ').unit).toBe('หน่วยงาน');
      expect(parsePlanTarget('๓๒ หน่วยงานที่ได้รับการตรวจ').unit).toBe('หน่วยงานที่ได้รับการตรวจ');
    });

    it('drops a trailing parenthesis, and reads it when only it holds the number', () => {
      expect(reading('๓๐ คน (ร้อยละ ๗๕)')).toMatchObject({ value: '30', unit: 'คน', scale: 'count' });
      expect(reading('๓๒ หน่วยงาน (ส่วนราชการ)')).toMatchObject({ value: '32', unit: 'หน่วยงาน' });
      expect(reading('ทุกหน่วยงาน (๓๒ หน่วยงาน)')).toMatchObject({ value: '32', unit: 'หน่วยงาน' });
      expect(reading('ระดับ ๕ (ดีมาก)')).toMatchObject({ value: '5', scale: 'level' });
    });
  });

  describe('percentages', () => {
    it.each([
      'ร้อยละ ๘๐',
      'ร้อยละ80',
      'ร้อยละ 80',
      '80%',
      '80 %',
      '๘๐%',
      '๘๐ %',
      '80 เปอร์เซ็นต์',
      '80 เปอร์เซนต์',
      'ร้อยละ ๘๐ ของหน่วยงานทั้งหมด',
      'ร้อยละ ๘๐ ของ ๓๒ หน่วยงาน',
    ])('%s → 80 percent', (raw) => {
      expect(reading(raw)).toEqual({ value: '80', unit: '%', comparison: 'eq', scale: 'percent', per: null });
    });

    it('keeps decimals exactly', () => {
      expect(parsePlanTarget('ร้อยละ ๘๗.๕').value).toBe('87.5');
      expect(parsePlanTarget('100.00 %').value).toBe('100.00');
      expect(parsePlanTarget('ร้อยละ ๔๘๐').value).toBe('480');
    });

    it('allows words before the percentage', () => {
      expect(reading('ผู้ตอบแบบสอบถามมีความพึงพอใจไม่น้อยกว่าร้อยละ ๘๐')).toEqual({
        value: '80',
        unit: '%',
        comparison: 'gte',
        scale: 'percent',
        per: null,
      });
      expect(reading('การเบิกจ่ายงบประมาณร้อยละ ๑๐๐')).toMatchObject({ value: '100', scale: 'percent' });
    });

    it('does not read a range as one target', () => {
      expect(reading('ร้อยละ ๘๐-๙๐')).toEqual(none);
      expect(reading('ร้อยละ 80 - 90')).toEqual(none);
      expect(reading('ร้อยละ ๘๐ ถึง ๙๐')).toEqual(none);
      expect(reading('80-90%')).toEqual(none);
    });

    it('needs a number right after ร้อยละ', () => {
      expect(reading('ร้อยละของหน่วยงานที่ผ่านเกณฑ์')).toEqual(none);
      expect(reading('ร้อยละความสำเร็จ')).toEqual(none);
    });
  });

  describe('levels', () => {
    it.each([
      ['ระดับ ๕', '5'],
      ['ระดับ5', '5'],
      ['ระดับที่ ๕', '5'],
      ['ระดับความสำเร็จระดับ ๕', '5'],
      ['ระดับความสำเร็จ ๔', '4'],
      ['ผ่านการประเมินระดับ ๓', '3'],
      ['๕ ระดับ', '5'],
      ['ระดับ ๔ จาก ๕ ระดับ', '4'],
      ['ระดับ ๔.๕', '4.5'],
    ])('%s → level %s', (raw, value) => {
      expect(reading(raw)).toEqual({ value, unit: 'ระดับ', comparison: 'eq', scale: 'level', per: null });
    });

    it('reads bounds on levels', () => {
      expect(reading('ไม่ต่ำกว่าระดับ ๓')).toMatchObject({ value: '3', scale: 'level', comparison: 'gte' });
      expect(reading('ระดับ ๓ ขึ้นไป')).toMatchObject({ value: '3', scale: 'level', comparison: 'gte' });
      expect(reading('ระดับไม่น้อยกว่า ๔')).toMatchObject({ value: '4', scale: 'level', comparison: 'gte' });
    });

    it('does not take ระดับ inside a phrase for a level', () => {
      expect(reading('ผู้บริหารระดับสูง ๕ คน')).toMatchObject({ value: '5', unit: 'คน', scale: 'count' });
      expect(reading('ประชุมระดับจังหวัด ๓ ครั้ง')).toMatchObject({ value: '3', unit: 'ครั้ง', scale: 'count' });
      expect(reading('ระดับ ๔-๕')).toEqual(none);
    });
  });

  describe('ratios', () => {
    it.each([
      ['๑ ครั้ง/๕๐๐ คน', '1', 'ครั้ง', '500', 'คน'],
      ['1 ครั้ง / 500 คน', '1', 'ครั้ง', '500', 'คน'],
      ['๑ ครั้ง ต่อ ๕๐๐ คน', '1', 'ครั้ง', '500', 'คน'],
      ['๑ ครั้งต่อ ๑,๐๐๐ คน', '1', 'ครั้ง', '1000', 'คน'],
      ['๔ ครั้งต่อปี', '4', 'ครั้ง', '1', 'ปี'],
      ['๒ ครั้ง/ปี', '2', 'ครั้ง', '1', 'ปี'],
      ['ปีละ ๒ ครั้ง', '2', 'ครั้ง', '1', 'ปี'],
      ['ไตรมาสละ ๑ ครั้ง', '1', 'ครั้ง', '1', 'ไตรมาส'],
      ['เดือนละ ๑ ครั้ง', '1', 'ครั้ง', '1', 'เดือน'],
      ['ปีงบประมาณละ ๑ ครั้ง', '1', 'ครั้ง', '1', 'ปีงบประมาณ'],
      ['คนละ ๒ ชุด', '2', 'ชุด', '1', 'คน'],
    ])('%s → %s %s per %s %s', (raw, value, unit, perValue, perUnit) => {
      expect(reading(raw)).toEqual({ value, unit, comparison: 'eq', scale: 'ratio', per: { value: perValue, unit: perUnit } });
    });

    it('reads bounds on ratios', () => {
      expect(reading('อย่างน้อยปีละ ๑ ครั้ง')).toMatchObject({ value: '1', comparison: 'gte', per: { value: '1', unit: 'ปี' } });
      expect(reading('ปีละไม่น้อยกว่า ๒ ครั้ง')).toMatchObject({ value: '2', comparison: 'gte', scale: 'ratio' });
      expect(reading('ไม่เกิน ๑ ครั้ง/๕๐๐ คน')).toMatchObject({ comparison: 'lte', scale: 'ratio' });
    });

    it('does not split on ต่อ inside a word', () => {
      expect(reading('ติดต่อประสานงาน ๓ ครั้ง')).toMatchObject({ value: '3', unit: 'ครั้ง', scale: 'count' });
      expect(reading('๓ ครั้งติดต่อกัน')).toMatchObject({ value: '3', scale: 'count', per: null });
    });

    it('does not read a date with slashes as a ratio', () => {
      expect(reading('๓๐/๐๙/๒๕๖๘')).toEqual(none);
      expect(reading('30/9')).toEqual(none);
    });
  });

  describe('comparisons', () => {
    it.each([
      ['ไม่น้อยกว่า ร้อยละ ๙๕', 'gte', '95', 'percent'],
      ['ไม่น้อยกว่าร้อยละ ๙๕', 'gte', '95', 'percent'],
      ['ร้อยละ ไม่น้อยกว่า ๙๕', 'gte', '95', 'percent'],
      ['ไม่ต่ำกว่าร้อยละ ๘๐', 'gte', '80', 'percent'],
      ['อย่างน้อย 2 ครั้ง', 'gte', '2', 'count'],
      ['อย่างน้อยจำนวน ๒ ครั้ง', 'gte', '2', 'count'],
      ['๓ ครั้งขึ้นไป', 'gte', '3', 'count'],
      ['ร้อยละ ๘๐ ขึ้นไป', 'gte', '80', 'percent'],
      ['80% ขึ้นไป', 'gte', '80', 'percent'],
      ['≥ 80%', 'gte', '80', 'percent'],
      ['>= 80 %', 'gte', '80', 'percent'],
      ['ไม่เกิน 3 เรื่อง', 'lte', '3', 'count'],
      ['ไม่เกิน ๓ เรื่อง', 'lte', '3', 'count'],
      ['ไม่มากกว่า ๕ วัน', 'lte', '5', 'count'],
      ['ภายใน ๑๕ วัน', 'lte', '15', 'count'],
      ['๕ วันลงมา', 'lte', '5', 'count'],
      ['≤ ร้อยละ ๑๐', 'lte', '10', 'percent'],
      ['มากกว่า ๕ คน', 'gt', '5', 'count'],
      ['สูงกว่าร้อยละ ๙๐', 'gt', '90', 'percent'],
      ['> 5 คน', 'gt', '5', 'count'],
      ['น้อยกว่า ๒ วัน', 'lt', '2', 'count'],
      ['ต่ำกว่าร้อยละ ๕', 'lt', '5', 'percent'],
      ['< 2 วัน', 'lt', '2', 'count'],
      ['ผู้เข้าร่วมไม่น้อยกว่า ๕๐ คน', 'gte', '50', 'count'],
      ['เรื่องร้องเรียนไม่เกิน ๒ เรื่อง', 'lte', '2', 'count'],
      ['ครบ ๓๒ หน่วยงาน', 'eq', '32', 'count'],
      ['เท่ากับ ๑๐ คน', 'eq', '10', 'count'],
    ])('%s → %s %s %s', (raw, comparison, value, scale) => {
      expect(reading(raw)).toMatchObject({ comparison, value, scale });
    });

    it('takes a comparison only right before the number', () => {
      // "ภายในจังหวัด" is "within the province", not "within 5".
      expect(reading('จัดประชุมภายในจังหวัด ๕ ครั้ง')).toMatchObject({ value: '5', comparison: 'eq' });
    });
  });

  describe('missing and free text', () => {
    it.each([null, undefined, '', '   ', '\u00A0', '\u200B'])('%j → all null', (raw) => {
      expect(parsePlanTarget(raw)).toEqual({ text: null, ...none });
    });

    it.each(['-', ' - ', '–', '—'])('%j keeps the dash as text, with no value', (raw) => {
      expect(parsePlanTarget(raw)).toEqual({ text: raw.trim(), ...none });
    });

    it.each([
      'ดำเนินการแล้วเสร็จ',
      'อยู่ระหว่างดำเนินการ',
      'ทุกหน่วยงาน',
      'ร้อยละ',
      '%',
      'ครบถ้วน (ทุกหน่วยงาน)',
    ])('%s → text kept, value null', (raw) => {
      expect(parsePlanTarget(raw)).toEqual({ text: raw, ...none });
    });

    it.each([
      ['two numbers', '๕ โครงการ ๓ กิจกรรม'],
      ['a year', 'ภายในปี ๒๕๖๘'],
      ['a fiscal year', 'ปีงบประมาณ ๒๕๖๘'],
      ['a BE year', 'พ.ศ. ๒๕๖๘'],
      ['an ordinal', 'ครั้งที่ ๒'],
      ['a date', 'ภายในวันที่ ๓๐ ก.ย. ๖๘'],
      ['a date with a full month', 'ภายใน ๓๐ กันยายน'],
      ['a date with an abbreviated month', 'ภายใน ๓๐ ก.ย.'],
      ['a number after words with no unit', 'แผนงานที่ ๒'],
      ['a misgrouped thousands separator', '1,20 คน'],
      ['two decimal points', '1.2.3 คน'],
    ])('does not read %s (%s)', (_why, raw) => {
      expect(parsePlanTarget(raw)).toEqual({ text: raw, ...none });
    });
  });

  describe('text', () => {
    it('keeps Thai digits as written and tidies spaces', () => {
      expect(parsePlanTarget('  ๓๒\u00A0 หน่วยงาน\u200B ').text).toBe('๓๒ หน่วยงาน');
      expect(parsePlanTarget('ร้อยละ ๘๐').text).toBe('ร้อยละ ๘๐');
    });
  });
});

describe('percentAchieved', () => {
  const pa = (target: string, actual: string) => percentAchieved(parsePlanTarget(target), parsePlanTarget(actual));

  describe('higher is better', () => {
    it.each([
      // The seed's own figures: 480 % and 87.5 %.
      ['๑๐ ครั้ง', '๔๘ ครั้ง', '480.00', true],
      ['๘ เรื่อง', '๗ เรื่อง', '87.50', false],
      ['๓๒ หน่วยงาน', '๓๒ หน่วยงาน', '100.00', true],
      ['๑๒ หน่วยงาน', '๑๐ หน่วยงาน', '83.33', false],
      ['๓ หน่วยงาน', '๒ หน่วยงาน', '66.67', false],
      ['๓ หน่วยงาน', '๑ หน่วยงาน', '33.33', false],
      ['๖ โครงการ', '๑ โครงการ', '16.67', false],
      ['๑,๒๐๐ คน', '๑,๕๐๐ คน', '125.00', true],
      ['ร้อยละ ๘๐', 'ร้อยละ ๘๐', '100.00', true],
      ['ร้อยละ ๘๐', '๙๒%', '115.00', true],
      ['ไม่น้อยกว่า ร้อยละ ๙๕', 'ร้อยละ ๙๔.๕', '99.47', false],
      ['ไม่น้อยกว่าร้อยละ ๘๐', 'ร้อยละ ๘๐', '100.00', true],
      ['ระดับ ๕', 'ระดับ ๔', '80.00', false],
      ['ระดับ ๕', 'ระดับ ๕', '100.00', true],
      ['ระดับ ๓ ขึ้นไป', 'ระดับ ๔', '133.33', true],
      ['อย่างน้อย ๒ ครั้ง', '๑ ครั้ง', '50.00', false],
      ['มากกว่า ๑๐ คน', '๑๐ คน', '100.00', false],
      ['มากกว่า ๑๐ คน', '๑๑ คน', '110.00', true],
      ['๗ คน', '๑ คน', '14.29', false],
      ['๓ คน', '๒ คน', '66.67', false],
      ['๑.๕ ชั่วโมง', '๒ ชั่วโมง', '133.33', true],
    ])('%s vs %s → %s', (target, actual, percent, met) => {
      expect(pa(target, actual)).toEqual({ percent, met });
    });

    it('rounds half up at the second decimal', () => {
      expect(pa('๘ ครั้ง', '๑ ครั้ง').percent).toBe('12.50');
      expect(pa('๑๖ ครั้ง', '๑ ครั้ง').percent).toBe('6.25');
      expect(pa('๓๒ ครั้ง', '๑ ครั้ง').percent).toBe('3.13'); // 3.125
      expect(pa('๖๔ ครั้ง', '๑ ครั้ง').percent).toBe('1.56'); // 1.5625
      expect(pa('๒๐๐,๐๐๐ คน', '๑ คน').percent).toBe('0.00'); // 0.0005
      expect(pa('๒๐๐,๐๐๐ คน', '๓ คน').percent).toBe('0.00'); // 0.0015
      expect(pa('๒๐๐,๐๐๐ คน', '๑๐ คน').percent).toBe('0.01'); // 0.005
    });

    it('stays exact where floats would not', () => {
      // 0.1 + 0.2 style: 0.3 / 0.1 × 100 is 300 exactly, not 299.99999999999994.
      expect(pa('0.1 ล้านบาท', '0.3 ล้านบาท').percent).toBe('300.00');
      // Past 2^53.
      expect(pa('3 คน', '9007199254740993 คน').percent).toBe('300239975158033100.00');
    });

    it('is not capped', () => {
      expect(pa('๑ ครั้ง', '๑๐๐ ครั้ง').percent).toBe('10000.00');
    });
  });

  describe('lower is better (ceilings): met → 100, otherwise target ÷ actual × 100', () => {
    it.each([
      ['ไม่เกิน ๓ เรื่อง', '๒ เรื่อง', '100.00', true],
      ['ไม่เกิน ๓ เรื่อง', '๓ เรื่อง', '100.00', true],
      ['ไม่เกิน ๓ เรื่อง', '๐ เรื่อง', '100.00', true],
      ['ไม่เกิน ๓ เรื่อง', '๔ เรื่อง', '75.00', false],
      ['ไม่เกิน ๓ เรื่อง', '๖ เรื่อง', '50.00', false],
      ['ภายใน ๑๕ วัน', '๒๐ วัน', '75.00', false],
      ['ภายใน ๑๕ วัน', '๑๐ วัน', '100.00', true],
      ['ไม่เกินร้อยละ ๕', 'ร้อยละ ๘', '62.50', false],
      ['น้อยกว่า ๕ วัน', '๔ วัน', '100.00', true],
      // Equal to a strict ceiling: the percentage cannot show the difference, met can.
      ['น้อยกว่า ๕ วัน', '๕ วัน', '100.00', false],
      ['ไม่เกิน ๐ เรื่อง', '๒ เรื่อง', '0.00', false],
    ])('%s vs %s → %s', (target, actual, percent, met) => {
      expect(pa(target, actual)).toEqual({ percent, met });
    });
  });

  describe('zero targets', () => {
    it('reads an exact zero as "none allowed"', () => {
      expect(pa('๐ เรื่อง', '๐ เรื่อง')).toEqual({ percent: '100.00', met: true });
      expect(pa('๐ เรื่อง', '๑ เรื่อง')).toEqual({ percent: '0.00', met: false });
    });

    it('gives 100 or 0 for a higher-is-better zero', () => {
      expect(pa('มากกว่า ๐ ครั้ง', '๓ ครั้ง')).toEqual({ percent: '100.00', met: true });
      expect(pa('มากกว่า ๐ ครั้ง', '๐ ครั้ง')).toEqual({ percent: '0.00', met: false });
      expect(pa('ไม่น้อยกว่า ๐ ครั้ง', '๐ ครั้ง')).toEqual({ percent: '100.00', met: true });
    });

    it('says why "less than zero" cannot be met', () => {
      expect(pa('น้อยกว่า ๐ เรื่อง', '๐ เรื่อง')).toMatchObject({ percent: null, reason: expect.stringContaining('less than zero') });
    });
  });

  describe('ratios', () => {
    it('compares rates', () => {
      expect(pa('๑ ครั้ง/๕๐๐ คน', '๒ ครั้ง/๕๐๐ คน')).toEqual({ percent: '200.00', met: true });
      expect(pa('๑ ครั้ง/๕๐๐ คน', '๑ ครั้ง/๑,๐๐๐ คน')).toEqual({ percent: '50.00', met: false });
      expect(pa('๑ ครั้ง ต่อ ๕๐๐ คน', '๓ ครั้ง/๑,๒๐๐ คน')).toEqual({ percent: '125.00', met: true });
    });

    it('compares a rate per one period with a plain count of the same unit', () => {
      expect(pa('ปีละ ๒ ครั้ง', '๓ ครั้ง')).toEqual({ percent: '150.00', met: true });
      expect(pa('๔ ครั้งต่อปี', '๒ ครั้ง')).toEqual({ percent: '50.00', met: false });
      expect(pa('๔ ครั้ง', 'ปีละ ๔ ครั้ง')).toEqual({ percent: '100.00', met: true });
      expect(pa('ปีละ ๒ ครั้ง', 'ปีละ ๑ ครั้ง')).toEqual({ percent: '50.00', met: false });
    });

    it('refuses other mixes', () => {
      expect(pa('๑ ครั้ง/๕๐๐ คน', '๓ ครั้ง').percent).toBeNull();
      expect(pa('๑ ครั้ง/๕๐๐ คน', '๑ ครั้ง/๕๐๐ ครัวเรือน')).toMatchObject({ percent: null, reason: expect.stringContaining('ครัวเรือน') });
      expect(pa('ปีละ ๒ ครั้ง', 'เดือนละ ๑ ครั้ง').percent).toBeNull();
      expect(pa('๑ ครั้ง/๕๐๐ คน', '๒').percent).toBeNull();
    });
  });

  describe('bare numbers take the other side\'s unit', () => {
    it.each([
      ['๓๒ หน่วยงาน', '๒๔', '75.00'],
      ['๓๒', '๒๔ หน่วยงาน', '75.00'],
      ['ร้อยละ ๘๐', '๘๘', '110.00'],
      ['ระดับ ๕', '๔', '80.00'],
      ['ปีละ ๒ ครั้ง', '๑', '50.00'],
      ['๕๐', '๒๕', '50.00'],
    ])('%s vs %s → %s', (target, actual, percent) => {
      expect(pa(target, actual).percent).toBe(percent);
    });
  });

  describe('not calculable: percent null with a reason', () => {
    it.each([
      ['different units', '๓๒ หน่วยงาน', '๓๐ คน', 'หน่วยงาน'],
      ['a percentage against a count', 'ร้อยละ ๘๐', '๓๐ หน่วยงาน', 'percent'],
      ['a count against a percentage', '๓๒ หน่วยงาน', 'ร้อยละ ๙๐', 'percent'],
      ['a level against a percentage', 'ระดับ ๕', 'ร้อยละ ๘๐', 'level'],
      ['a level against a count', 'ระดับ ๕', '๔ ครั้ง', 'level'],
      ['a target with no number', 'ดำเนินการแล้วเสร็จ', '๓ ครั้ง', 'target'],
      ['a dash target', '-', '๓ ครั้ง', 'target'],
      ['an actual with no number', '๓ ครั้ง', 'อยู่ระหว่างดำเนินการ', 'actual'],
      ['an empty actual', '๓ ครั้ง', '', 'actual'],
    ])('%s', (_why, target, actual, mentions) => {
      const result = pa(target, actual);
      expect(result.percent).toBeNull();
      expect(result.met).toBeUndefined();
      expect(result.reason).toEqual(expect.stringContaining(mentions));
    });
  });

  it('ignores the actual\'s own comparison word', () => {
    expect(pa('๕๐ คน', 'มากกว่า ๖๐ คน')).toEqual({ percent: '120.00', met: true });
  });
});
