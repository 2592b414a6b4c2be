// Demo accounts: fixed people and units the seed always creates, with the same ID numbers, names, PINs and unit
// numbers on every run (independent of --seed and --persons). Tests import these instead of hard-coding values;
// `npm start` prints the text the seed writes to .data/demo-accounts.txt.
//
// Timelines are relative to the seed's "now" (--now, default today in Asia/Shanghai) so the data stays fresh:
// L = the last settled period (last month).
import { buildIdNumber, checkPin, RegionCode } from '@shebao/shared';
import { buildCreditCode, personNoFor, unitNoFor } from './ids.ts';

export interface DemoUnit {
  /** Unit index in the seed (ids and numbers derive from it). */
  readonly index: number;
  readonly unitNo: string;
  readonly name: string;
  readonly creditCode: string;
  readonly regionCode: string;
  readonly districtCode: string;
  readonly riskClass: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
}

const demoUnit = (index: number, name: string, districtCode: string, body8: string, riskClass: DemoUnit['riskClass']): DemoUnit => ({
  index,
  unitNo: unitNoFor(index, RegionCode.YICHANG),
  name,
  creditCode: buildCreditCode(districtCode, body8),
  regionCode: RegionCode.YICHANG,
  districtCode,
  riskClass,
});

export const DEMO_UNITS = {
  /** 机电: the demo worker's former employer, the retiree's last employer, the newcomer's and the clerk's employer. */
  machinery: demoUnit(0, '宜昌市长江机电设备有限公司', '420502', '7146825K', 4),
  /** 物流: the demo worker's current employer; 2 months in arrears (欠费). */
  logistics: demoUnit(1, '宜昌市三峡物流有限公司', '420503', 'MA4A2N3Q', 5),
  /** 建筑: the injured worker's employer. */
  construction: demoUnit(2, '宜昌市夷陵建筑工程有限公司', '420506', '6952031T', 6),
} as const;

export interface DemoPerson {
  /** Person index in the seed (person.id = index + 1). */
  readonly index: number;
  readonly idNumber: string;
  readonly personNo: string;
  readonly name: string;
  readonly sex: '1' | '2';
  readonly birthDate: string;
  readonly phone: string;
  /** e-SSC PIN; null = card 待开通 (PENDING). */
  readonly pin: string | null;
}

const demoPerson = (
  index: number,
  name: string,
  regionCode: string,
  birthDate: string,
  order: number,
  phone: string,
  pin: string | null,
): DemoPerson => {
  const idNumber = buildIdNumber(regionCode, birthDate, order);
  if (pin !== null) {
    const c = checkPin(pin, { birthDate, idNumber, phone });
    if (c.weak) throw new Error(`demo PIN for ${name} is weak: ${c.reason ?? ''}`);
  }
  return { index, idNumber, personNo: personNoFor(index, RegionCode.YICHANG), name, sex: order % 2 === 1 ? '1' : '2', birthDate, phone, pin };
};

export const DEMO_PERSONS = {
  /**
   * 在职职工: 48 months at 长江机电 (L-71 … L-24, 3 months of them back-paid 补缴), stopped 职工发生辞职(退),
   * a 4-month gap (断缴), then 三峡物流 since L-19, whose last 2 months are in arrears (欠费).
   */
  worker: demoPerson(0, '李建华', '420502', '1988-04-17', 135, '13872601357', '246810'),
  /** 退休人员: retired 2019-06 from 长江机电 (female worker, 50), basic pension monthly since, yearly 资格认证. */
  retiree: demoPerson(1, '王秀兰', '420503', '1969-05-20', 226, '13997725836', '135790'),
  /** 工伤职工: at 夷陵建筑 since L-95; accident in L-20, 认定为工伤, appraised 伤残六级, 伤残津贴 monthly. */
  injured: demoPerson(2, '刘志强', '420506', '1983-11-02', 71, '15071238846', '582046'),
  /** 新参保: enrolled at 长江机电 this month, no contribution records yet; card 待开通 (activation flow by SMS). */
  newcomer: demoPerson(3, '陈思雨', '420502', '2002-09-15', 48, '18671750923', null),
  /** 单位经办人: works at 长江机电 and is authorised for 长江机电 and 三峡物流 (scan login asks which unit). */
  clerk: demoPerson(4, '周敏', '420503', '1990-03-08', 162, '13635716688', '370915'),
} as const;

export const DEMO_PERSON_COUNT = Object.keys(DEMO_PERSONS).length;

/** 中心审核 accounts (password for all demo reviewers). `reviewer` is the one to use. */
export const DEMO_REVIEWERS = [
  { username: 'reviewer', name: '宜昌市社保中心审核员', regionCode: RegionCode.YICHANG, active: true },
  { username: 'reviewer_cs', name: '长沙市社保中心审核员', regionCode: RegionCode.CHANGSHA, active: true },
  { username: 'reviewer_off', name: '已停用审核员', regionCode: RegionCode.YICHANG, active: false },
] as const;
export const DEMO_REVIEWER = { username: 'reviewer', password: 'Review#2026' } as const;

/** The lines of .data/demo-accounts.txt (also printed by the seed). */
export function demoAccountsText(): string {
  const p = DEMO_PERSONS;
  const u = DEMO_UNITS;
  const lines = [
    `个人 在职(转移/断缴/补缴/欠费)  ${p.worker.name}  身份证 ${p.worker.idNumber}  PIN ${p.worker.pin}`,
    `个人 退休人员                   ${p.retiree.name}  身份证 ${p.retiree.idNumber}  PIN ${p.retiree.pin}`,
    `个人 工伤职工(伤残六级)         ${p.injured.name}  身份证 ${p.injured.idNumber}  PIN ${p.injured.pin}`,
    `个人 电子社保卡待开通(无缴费)   ${p.newcomer.name}  身份证 ${p.newcomer.idNumber}  手机 ${p.newcomer.phone}`,
    `单位经办人(两家单位)            ${p.clerk.name}  身份证 ${p.clerk.idNumber}  PIN ${p.clerk.pin}`,
    `    单位 ${u.machinery.unitNo} ${u.machinery.name}  统一社会信用代码 ${u.machinery.creditCode}`,
    `    单位 ${u.logistics.unitNo} ${u.logistics.name}（欠费2个月）  统一社会信用代码 ${u.logistics.creditCode}`,
    `中心审核                        用户名 ${DEMO_REVIEWER.username}  密码 ${DEMO_REVIEWER.password}`,
  ];
  return lines.join('\n') + '\n';
}
