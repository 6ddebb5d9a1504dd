import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgencyNameIndex, matchAgencyName, normaliseAgencyName } from './agency-name';

// A slice of the Rayong demo universe (fixtures/agencies.csv).
const RAYONG = [
  { code: '00101', name: 'สำนักงานจังหวัดระยอง' },
  { code: '00102', name: 'ที่ทำการปกครองจังหวัดระยอง' },
  { code: '00301', name: 'สำนักงานคลังจังหวัดระยอง' },
  { code: '00302', name: 'สำนักงานสรรพสามิตพื้นที่ระยอง' },
  { code: '00701', name: 'สำนักงานเกษตรจังหวัดระยอง' },
  { code: '00702', name: 'สำนักงานเกษตรและสหกรณ์จังหวัดระยอง' },
  { code: '00703', name: 'สำนักงานสหกรณ์จังหวัดระยอง' },
  { code: '01501', name: 'สำนักงานโยธาธิการและผังเมืองจังหวัดระยอง' },
  { code: '02002', name: 'เรือนจำกลางระยอง' },
  { code: '02101', name: 'สำนักงานสาธารณสุขจังหวัดระยอง' },
  { code: '02402', name: 'นิคมสร้างตนเองจังหวัดระยอง' },
];

describe('normaliseAgencyName', () => {
  const KEY = 'เกษตรจังหวัดระยอง';

  it.each([
    'สำนักงานเกษตรจังหวัดระยอง',
    'สนง.เกษตรจังหวัดระยอง',
    'สนง. เกษตรจังหวัดระยอง',
    'สนงเกษตรจังหวัดระยอง',
    'สำนักงานเกษตร จ.ระยอง',
    'สำนักงานเกษตร จ. ระยอง',
    'สำนักงานเกษตรจ.ระยอง',
    'สนง.เกษตร จ.ระยอง',
    'สนง.เกษตรจว.ระยอง',
    'สำนักงานเกษตร จว.ระยอง',
    ' สำนักงาน เกษตรจังหวัดระยอง ',
    'สำนักงาน  เกษตร  จังหวัด  ระยอง',
    'สำนักงาน\u00A0เกษตรจังหวัดระยอง',
    'สำนักงาน\u200Bเกษตร\u200Bจังหวัด\u200Bระยอง',
    '\uFEFFสำนักงานเกษตรจังหวัดระยอง',
    'สํานักงานเกษตรจังหวัดระยอง', // sara am typed as nikhahit + sara aa, as PDFs give it
    'เกษตรจังหวัดระยอง',
  ])('%j → เกษตรจังหวัดระยอง', (name) => {
    expect(normaliseAgencyName(name)).toBe(KEY);
  });

  it('keeps the district qualifier distinct from the province', () => {
    expect(normaliseAgencyName('สำนักงานเกษตรอำเภอแกลง')).toBe('เกษตรอำเภอแกลง');
    expect(normaliseAgencyName('สนง.เกษตร อ.แกลง')).toBe('เกษตรอำเภอแกลง');
    expect(normaliseAgencyName('สำนักงานเกษตรอ.แกลง')).toBe('เกษตรอำเภอแกลง');
    expect(normaliseAgencyName('ที่ว่าการอำเภอบ้านค่าย')).toBe(normaliseAgencyName('ที่ว่าการ อ.บ้านค่าย'));
  });

  it('expands จ. and อ. before names that start with a leading vowel', () => {
    expect(normaliseAgencyName('สนง.เกษตร จ.เชียงใหม่')).toBe('เกษตรจังหวัดเชียงใหม่');
    expect(normaliseAgencyName('ที่ว่าการ อ.แกลง')).toBe('ที่ว่าการอำเภอแกลง');
  });

  it('turns Thai digits into ASCII', () => {
    expect(normaliseAgencyName('โรงเรียนบ้านหนองยาง (ระยอง ๒)')).toBe('โรงเรียนบ้านหนองยาง(ระยอง2)');
    expect(normaliseAgencyName('ศูนย์ ๑ ระยอง')).toBe(normaliseAgencyName('ศูนย์ 1 ระยอง'));
  });

  it('keeps what is in parentheses, with spacing and full-width brackets normalised', () => {
    expect(normaliseAgencyName('สำนักงานทางหลวงชนบทจังหวัดระยอง ( สทช.ระยอง )')).toBe(
      'ทางหลวงชนบทจังหวัดระยอง(สทช.ระยอง)',
    );
    expect(normaliseAgencyName('แขวงทางหลวงระยอง（ระยอง）')).toBe('แขวงทางหลวงระยอง(ระยอง)');
    expect(normaliseAgencyName('แขวงทางหลวงระยอง (ระยอง)')).not.toBe(normaliseAgencyName('แขวงทางหลวงระยอง'));
  });

  it('lower-cases Latin letters', () => {
    expect(normaliseAgencyName('Rayong Provincial Office')).toBe('rayongprovincialoffice');
    expect(normaliseAgencyName('ศูนย์ ICT จังหวัดระยอง')).toBe('ศูนย์ictจังหวัดระยอง');
  });

  it('removes only a leading สำนักงาน', () => {
    expect(normaliseAgencyName('สำนักงานจังหวัดระยอง')).toBe('จังหวัดระยอง');
    expect(normaliseAgencyName('สนง.จ.ระยอง')).toBe('จังหวัดระยอง');
    expect(normaliseAgencyName('ศูนย์ดำรงธรรม สำนักงานจังหวัดระยอง')).toBe('ศูนย์ดำรงธรรมสำนักงานจังหวัดระยอง');
    expect(normaliseAgencyName('สำนักงานสาธารณสุขจังหวัดระยอง')).toBe('สาธารณสุขจังหวัดระยอง');
  });

  it('leaves acronyms alone rather than corrupt them', () => {
    expect(normaliseAgencyName('สสจ.ระยอง')).toBe('สสจ.ระยอง');
    expect(normaliseAgencyName('อบจ.ระยอง')).toBe('อบจ.ระยอง');
    expect(normaliseAgencyName('อบต.ตาขัน')).toBe('อบต.ตาขัน');
    expect(normaliseAgencyName('ศูนย์ อ.ส.ม. ระยอง')).toBe('ศูนย์อ.ส.ม.ระยอง');
    expect(normaliseAgencyName('ก.อ.ระยอง')).toBe('ก.อ.ระยอง');
  });

  it('is idempotent', () => {
    for (const name of ['สนง.เกษตร จ.ระยอง', 'สำนักงานเกษตร อ.แกลง', 'สสจ.ระยอง', ' สำนักงาน  ICT ']) {
      const once = normaliseAgencyName(name);
      expect(normaliseAgencyName(once)).toBe(once);
    }
  });

  it('gives an empty key for an empty or blank name', () => {
    expect(normaliseAgencyName('')).toBe('');
    expect(normaliseAgencyName(' \u200B\u00A0 ')).toBe('');
    expect(normaliseAgencyName('สำนักงาน')).toBe('');
  });
});

describe('AgencyNameIndex', () => {
  const index = new AgencyNameIndex(RAYONG);

  it('matches the exact name first', () => {
    expect(index.match('สำนักงานเกษตรจังหวัดระยอง')).toEqual({ code: '00701', how: 'exact' });
    expect(index.match('เรือนจำกลางระยอง')).toEqual({ code: '02002', how: 'exact' });
  });

  it.each([
    'สนง.เกษตรจังหวัดระยอง',
    'สำนักงานเกษตร จ.ระยอง',
    ' สำนักงาน เกษตรจังหวัดระยอง ',
    'สนง.เกษตร จว.ระยอง',
    'สํานักงานเกษตรจังหวัดระยอง',
  ])('matches %j by its normalised name', (name) => {
    expect(index.match(name)).toEqual({ code: '00701', how: 'normalised' });
  });

  it('does not confuse agencies whose names contain one another', () => {
    expect(index.match('สนง.เกษตรและสหกรณ์ จ.ระยอง')).toEqual({ code: '00702', how: 'normalised' });
    expect(index.match('สนง.สหกรณ์ จ.ระยอง')).toEqual({ code: '00703', how: 'normalised' });
    expect(index.match('สนง.โยธาธิการและผังเมือง จ.ระยอง')).toEqual({ code: '01501', how: 'normalised' });
  });

  it('does not match a district office to the provincial one', () => {
    expect(index.match('สำนักงานเกษตรอำเภอแกลง')).toBeUndefined();
    expect(index.match('สนง.เกษตร อ.แกลง')).toBeUndefined();
    expect(index.lookup('สำนักงานเกษตรอำเภอแกลง')).toEqual({ status: 'unmatched' });
  });

  it('does not match other provinces, partial names or blanks', () => {
    expect(index.match('สำนักงานเกษตรจังหวัดจันทบุรี')).toBeUndefined();
    expect(index.match('สำนักงานเกษตร')).toBeUndefined();
    expect(index.match('เกษตร')).toBeUndefined();
    expect(index.match('')).toBeUndefined();
    expect(index.match('สำนักงาน')).toBeUndefined();
  });

  it('matches the Provincial Office written as the province', () => {
    expect(index.match('สนง.จ.ระยอง')).toEqual({ code: '00101', how: 'normalised' });
    expect(index.match('จังหวัดระยอง')).toEqual({ code: '00101', how: 'normalised' });
  });

  describe('ambiguity', () => {
    const twins = new AgencyNameIndex([
      { code: 'A1', name: 'สำนักงานเกษตรจังหวัดระยอง' },
      { code: 'A2', name: 'สนง.เกษตร จ.ระยอง' },
    ]);

    it('refuses a normalised name that fits two agencies', () => {
      expect(twins.match('สำนักงานเกษตร จ.ระยอง')).toBeUndefined();
      expect(twins.lookup('สำนักงานเกษตร จ.ระยอง')).toEqual({ status: 'ambiguous', how: 'normalised', codes: ['A1', 'A2'] });
    });

    it('still matches each exact name', () => {
      expect(twins.match('สำนักงานเกษตรจังหวัดระยอง')).toEqual({ code: 'A1', how: 'exact' });
      expect(twins.match('สนง.เกษตร จ.ระยอง')).toEqual({ code: 'A2', how: 'exact' });
    });

    it('lets a mapping settle two agencies with the same exact name', () => {
      const same = [
        { code: 'B1', name: 'โรงพยาบาลระยอง' },
        { code: 'B2', name: 'โรงพยาบาลระยอง' },
      ];
      expect(new AgencyNameIndex(same).match('โรงพยาบาลระยอง')).toBeUndefined();
      const settled = new AgencyNameIndex(same, [{ name: 'โรงพยาบาลระยอง', agencyCode: 'B2' }]);
      expect(settled.match('โรงพยาบาลระยอง')).toEqual({ code: 'B2', how: 'mapped' });
    });

    it('counts one agency listed twice once', () => {
      const dup = new AgencyNameIndex([...RAYONG, { code: '00701', name: 'สนง.เกษตร จ.ระยอง' }]);
      expect(dup.match('สำนักงานเกษตร จว.ระยอง')).toEqual({ code: '00701', how: 'normalised' });
    });
  });

  describe('manual mappings', () => {
    const mapped = new AgencyNameIndex(RAYONG, [
      { name: 'สสจ.ระยอง', agencyCode: '02101' },
      { name: 'สนง.คลังจังหวัด', agencyCode: '00301' },
      { name: 'สำนักงานเกษตรจังหวัดระยอง', agencyCode: '99999' },
      { name: 'สำนักงานเกษตรอำเภอแกลง', agencyCode: '00701' },
    ]);

    it('resolves names normalising cannot', () => {
      expect(mapped.match('สสจ.ระยอง')).toEqual({ code: '02101', how: 'mapped' });
      expect(mapped.match(' สสจ. ระยอง ')).toEqual({ code: '02101', how: 'mapped' });
      expect(mapped.match('สำนักงานคลังจังหวัด')).toEqual({ code: '00301', how: 'mapped' });
    });

    it('ranks after the exact agency name but before the normalised one', () => {
      expect(mapped.match('สำนักงานเกษตรจังหวัดระยอง')).toEqual({ code: '00701', how: 'exact' });
      expect(mapped.match('สนง.เกษตร จ.ระยอง')).toEqual({ code: '99999', how: 'mapped' });
    });

    it('can send a district office to the provincial one when the unit decides so', () => {
      expect(mapped.match('สนง.เกษตร อ.แกลง')).toEqual({ code: '00701', how: 'mapped' });
    });

    it('treats disagreeing mappings as ambiguous, never falling back to a guess', () => {
      const conflict = new AgencyNameIndex(RAYONG, [
        { name: 'สนง.เกษตร จ.ระยอง', agencyCode: '00701' },
        { name: 'สนง.เกษตร จ.ระยอง', agencyCode: '00702' },
      ]);
      expect(conflict.match('สนง.เกษตร จ.ระยอง')).toBeUndefined();
      expect(conflict.lookup('สนง.เกษตร จ.ระยอง')).toEqual({ status: 'ambiguous', how: 'mapped', codes: ['00701', '00702'] });
      // A different spelling reaches the same conflict through the normalised mapping.
      expect(conflict.match('สำนักงานเกษตร จว.ระยอง')).toBeUndefined();
      // The agency's exact name is unaffected.
      expect(conflict.match('สำนักงานเกษตรจังหวัดระยอง')).toEqual({ code: '00701', how: 'exact' });
    });

    it('prefers a mapping by exact name to one by normalised name', () => {
      const two = new AgencyNameIndex(RAYONG, [
        { name: 'สนง.เกษตร จ.ระยอง', agencyCode: '00702' },
        { name: 'สำนักงานเกษตร จว.ระยอง', agencyCode: '00703' },
      ]);
      expect(two.match('สนง.เกษตร จ.ระยอง')).toEqual({ code: '00702', how: 'mapped' });
      expect(two.match('สำนักงานเกษตร จว.ระยอง')).toEqual({ code: '00703', how: 'mapped' });
      expect(two.match('สนง.เกษตรจ.ระยอง')).toBeUndefined(); // normalised: both mappings fit
    });
  });

  it('matchAgencyName is index.match', () => {
    expect(matchAgencyName('สนง.เกษตร จ.ระยอง', index)).toEqual({ code: '00701', how: 'normalised' });
    expect(matchAgencyName('สำนักงานเกษตรอำเภอแกลง', index)).toBeUndefined();
  });

  it('indexes the whole demo universe (fixtures/agencies.csv) without ambiguity', () => {
    const rows = readFileSync(join(__dirname, '..', '..', 'fixtures', 'agencies.csv'), 'utf8').trim().split('\n').slice(1);
    const agencies = rows.map((row) => {
      const [code, name] = row.split(',');
      return { code, name };
    });
    expect(agencies.length).toBeGreaterThanOrEqual(32);
    const keys = agencies.map((a) => normaliseAgencyName(a.name));
    expect(new Set(keys).size).toBe(agencies.length);
    const all = new AgencyNameIndex(agencies);
    for (const { code, name } of agencies) {
      const abbreviated = name.replace(/^สำนักงาน/, 'สนง. ').replace(/จังหวัดระยอง$/, ' จ.ระยอง');
      expect(all.match(abbreviated)).toEqual({ code, how: abbreviated === name ? 'exact' : 'normalised' });
    }
  });
});
