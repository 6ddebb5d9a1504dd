import type { EgpContractRow } from '../../src/procurement/egp';

/**
 * Contracts as the e-GP row parser reads them, shared by the specs that write them in each published layout
 * and read them back. A works contract of the Rayong PAO:
 */
export const RAYONG_ROAD_CONTRACT: EgpContractRow = {
  projectId: '67019123456',
  projectName: 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3, ตำบลเนินพระ',
  projectType: 'works',
  projectTypeText: 'จ้างก่อสร้าง',
  deptName: 'องค์การบริหารส่วนจังหวัดระยอง',
  deptSubName: 'กองช่าง',
  method: 'e_bidding',
  methodText: 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
  methodGroupText: 'ประกาศเชิญชวนทั่วไป',
  announceDate: '2024-01-15',
  projectMoney: '4500000.00',
  priceBuild: '4498500.00',
  sumPriceAgree: '3950000.00',
  budgetYear: 2567,
  transactionDate: '2024-02-20',
  province: 'ระยอง',
  district: 'เมืองระยอง',
  subdistrict: 'เนินพระ',
  projectStatus: 'จัดทำสัญญา/PO แล้ว',
  location: 'ถนนสายบ้านเนินพระ',
  lat: 12.6814,
  lon: 101.2816,
  winnerTinRaw: '105552012347',
  winnerTin: '0105552012347',
  winnerTinValid: true,
  winnerName: 'บริษัท ระยองก่อสร้าง จำกัด',
  contractNo: '12/2567',
  contractDate: '2024-03-01',
  contractFinishDate: '2024-08-28',
  priceAgree: '3950000.00',
  contractStatus: 'delivered_late',
  contractStatusText: 'ส่งงานล่าช้ากว่ากำหนด',
};

/**
 * A small specific-method buy whose winner's tax id Excel turned into `1.05552E+11`, so it is kept without one;
 * its method group holds the generic text e-GP sometimes writes there.
 */
export const OFFICE_SUPPLIES_BUY: EgpContractRow = {
  projectId: '64099012345',
  projectName: 'ซื้อวัสดุสำนักงาน',
  projectType: 'goods',
  projectTypeText: 'ซื้อ',
  deptName: 'สำนักงานจังหวัดระยอง',
  deptSubName: null,
  method: 'specific',
  methodText: 'เฉพาะเจาะจง',
  methodGroupText: 'วิธีการจัดหา ประกาศเชิญชวนทั่วไป คัดเลือก เฉพาะเจาะจง',
  announceDate: '2021-09-15',
  projectMoney: '98500',
  priceBuild: '98500',
  sumPriceAgree: '97000',
  budgetYear: 2564,
  transactionDate: '2021-09-16',
  province: 'ระยอง',
  district: 'บ้านฉาง',
  subdistrict: 'สำนักท้อน',
  projectStatus: 'สิ้นสุดสัญญา',
  location: null,
  lat: null,
  lon: null,
  winnerTinRaw: '1.05552E+11',
  winnerTin: null,
  winnerTinValid: false,
  winnerName: 'ห้างหุ้นส่วนจำกัด บ้านฉางพาณิชย์',
  contractNo: null,
  contractDate: '2021-09-17',
  contractFinishDate: '2021-09-24',
  priceAgree: '97000',
  contractStatus: 'delivered_complete',
  contractStatusText: 'ส่งงานครบถ้วน',
};
