import type { EgpContractRow } from '../../src/procurement/egp';

/**
 * A works contract of the Rayong PAO as the e-GP row parser reads it: shared by the specs that
 * write it in each published layout and read it back.
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
