import { foldHeader } from '../../imports/header-mapping';
import {
  EGP_CANONICAL_COUNT,
  EGP_CANONICAL_INDEX,
  EGP_ENG_PLACE_HEADERS,
  EGP_KEYS,
  EGP_THAI_HEADERS,
  matchEgpHeader,
} from './egp-columns';

// Copied from data-formats.md ("egp-contracts"), in published order.
const DOC_THAI_HEADER =
  'ลำดับ, รหัสโครงการ, ชื่อโครงการ, ชื่อประเภทโครงการ, ชื่อหน่วยงาน, ชื่อหน่วยงานย่อย, วิธีจัดซื้อฯ, กลุ่มวิธีจัดซื้อฯ, ' +
  'วันที่ประกาศ, งบประมาณ(บาท), ราคากลาง(บาท), ราคาตกลงซื้อ/จ้าง, ปีงบประมาณ, วันที่เกิดรายการ, จังหวัด, เขต/อำเภอ, ' +
  'แขวง/ตำบล, สถานะโครงการ, พิกัดของโครงการ, ละติจูดโครงการ, ลองจิจูดโครงการ, เลขนิติบุคคล, ชื่อผู้ชนะ, เลขที่สัญญา, ' +
  'วันที่ลงนามสัญญา, วันที่สิ้นสุดสัญญา, งบสัญญา(บาท), สถานะสัญญา';
const DOC_ENGLISH_KEYS =
  'project_id, project_name, project_type_name, dept_name, dept_sub_name, purchase_method_name, ' +
  'purchase_method_group_name, announce_date, project_money, price_build, sum_price_agree, budget_year, ' +
  'transaction_date, province, district, subdistrict, project_status, location, lat, lon, winner_tin, winner, ' +
  'contract_no, contract_date, contract_finish_date, price_agree, contract_status';

describe('e-GP columns', () => {
  it('has the 28 published Thai headers in published order', () => {
    expect(EGP_CANONICAL_COUNT).toBe(28);
    expect(EGP_KEYS.map((key) => EGP_THAI_HEADERS[key])).toEqual(DOC_THAI_HEADER.split(', '));
  });

  it('uses the open-data API names for the 27 named columns, and `seq` for ลำดับ', () => {
    expect(EGP_KEYS.slice(1)).toEqual(DOC_ENGLISH_KEYS.split(', '));
    expect(EGP_KEYS[0]).toBe('seq');
  });

  it('indexes each key by its canonical position', () => {
    expect(EGP_CANONICAL_INDEX.seq).toBe(0);
    expect(EGP_CANONICAL_INDEX.province).toBe(14);
    expect(EGP_CANONICAL_INDEX.contract_status).toBe(27);
  });

  it('has distinct folded spellings, so no header can mean two columns', () => {
    const spellings = [...EGP_KEYS, ...Object.values(EGP_THAI_HEADERS), ...Object.values(EGP_ENG_PLACE_HEADERS), '_id'];
    expect(new Set(spellings.map(foldHeader)).size).toBe(spellings.length);
  });
});

describe('matchEgpHeader', () => {
  it('names Thai headers and English keys', () => {
    expect(matchEgpHeader('รหัสโครงการ')).toEqual({ kind: 'key', key: 'project_id', spelling: 'thai' });
    expect(matchEgpHeader('project_id')).toEqual({ kind: 'key', key: 'project_id', spelling: 'english' });
  });

  it('ignores a BOM, spaces and case, as the import framework does', () => {
    expect(matchEgpHeader('\uFEFFลำดับ')).toEqual({ kind: 'key', key: 'seq', spelling: 'thai' });
    expect(matchEgpHeader(' งบประมาณ (บาท) ')).toEqual({ kind: 'key', key: 'project_money', spelling: 'thai' });
    expect(matchEgpHeader('Winner_TIN')).toEqual({ kind: 'key', key: 'winner_tin', spelling: 'english' });
  });

  it('names the (Eng) place twins and the portal id', () => {
    expect(matchEgpHeader('จังหวัด (Eng)')).toEqual({ kind: 'eng-place', place: 'province' });
    expect(matchEgpHeader('เขต/อำเภอ(Eng)')).toEqual({ kind: 'eng-place', place: 'district' });
    expect(matchEgpHeader('แขวง/ตำบล (ENG)')).toEqual({ kind: 'eng-place', place: 'subdistrict' });
    expect(matchEgpHeader('_id')).toEqual({ kind: 'id' });
  });

  it('does not name anything else', () => {
    expect(matchEgpHeader('รหัสหน่วยงาน')).toBeUndefined();
    expect(matchEgpHeader('')).toBeUndefined();
  });
});
