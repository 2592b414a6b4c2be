import { describe, expect, it } from 'vitest';
import {
  BackPaymentReason,
  BackPaymentReasons,
  caseMachine,
  CaseStatuses,
  CertificateTypes,
  childRegions,
  ContributionStatuses,
  defineCodeTable,
  EnrolmentStatuses,
  Ethnicities,
  getRegion,
  IdTypes,
  InsuranceTypes,
  isProvincePrefix,
  isRiskClass,
  isUnitInsuranceType,
  loginTicketMachine,
  LoginTicketStates,
  PROVINCES,
  provinceCodeOf,
  RefundReason,
  RefundReasons,
  RegionCode,
  regionName,
  regionPath,
  REGIONS,
  riskClassLabel,
  Roles,
  Sex,
  Sexes,
  StopReason,
  StopReasons,
  UNIT_INSURANCE_TYPES,
  WORK_INJURY_RISK_CLASSES,
  workInjuryRatePpm,
  type InsuranceType,
} from '../src/index';

describe('code table helper', () => {
  const t = defineCodeTable([
    { code: '10', key: 'TEN', label: '十' },
    { code: '01', key: 'ONE', label: '一', aliases: ['壹'] },
    { code: '99', key: 'OTHER', label: '其他（未列明）' },
  ]);

  it('keeps display order even for integer-like codes', () => {
    expect(t.codes).toEqual(['10', '01', '99']);
    expect(t.options()).toEqual([
      { value: '10', label: '十' },
      { value: '01', label: '一' },
      { value: '99', label: '其他（未列明）' },
    ]);
  });

  it('looks up by code, label, alias, with bracket and space tolerance', () => {
    expect(t.has('01')).toBe(true);
    expect(t.has('1')).toBe(false);
    expect(t.has(1)).toBe(false);
    expect(t.label('01')).toBe('一');
    expect(t.label('zz')).toBe('zz');
    expect(t.get('99')?.key).toBe('OTHER');
    expect(t.parse('壹')).toBe('01');
    expect(t.parse(' 十 ')).toBe('10');
    expect(t.parse('其他(未列明)')).toBe('99');
    expect(t.parse('百')).toBeUndefined();
    expect(t.keys).toEqual({ TEN: '10', ONE: '01', OTHER: '99' });
    expect(t.byCode['01'].label).toBe('一');
  });

  it('refuses duplicate codes and ambiguous labels', () => {
    expect(() => defineCodeTable([{ code: 'A', label: 'a' }, { code: 'A', label: 'b' }])).toThrow(/duplicate/);
    expect(() => defineCodeTable([{ code: 'A', label: 'x' }, { code: 'B', label: 'x' }])).toThrow(/names both/);
    expect(() => defineCodeTable([])).toThrow(/empty/);
  });
});

describe('insurance types', () => {
  it('match the Prisma enum and the national codes', () => {
    expect(InsuranceTypes.codes).toEqual(['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'PUBLIC_PENSION', 'RESIDENT_PENSION', 'OCCUPATIONAL_ANNUITY']);
    expect(InsuranceTypes.byCode.PENSION.nationalCode).toBe('110');
    expect(InsuranceTypes.byCode.UNEMPLOYMENT.nationalCode).toBe('210');
    expect(InsuranceTypes.byCode.WORK_INJURY.nationalCode).toBe('410');
    expect(InsuranceTypes.byCode.PUBLIC_PENSION.nationalCode).toBe('120');
    expect(InsuranceTypes.byCode.RESIDENT_PENSION.nationalCode).toBe('170');
    expect(InsuranceTypes.label('PENSION')).toBe('企业职工基本养老保险');
  });

  it('read the seeds’ spellings', () => {
    const spellings: [string, InsuranceType][] = [
      ['城镇职工基本养老保险', 'PENSION'],
      ['城镇企业职工基本养老保险', 'PENSION'],
      ['城职养老', 'PENSION'],
      ['企业失业', 'UNEMPLOYMENT'],
      ['失业保险', 'UNEMPLOYMENT'],
      ['工伤保险', 'WORK_INJURY'],
      ['机关事业单位养老保险', 'PUBLIC_PENSION'],
      ['职业年金', 'OCCUPATIONAL_ANNUITY'],
    ];
    for (const [label, code] of spellings) expect(InsuranceTypes.parse(label)).toBe(code);
  });

  it('unit types are pension, unemployment, work injury', () => {
    expect(UNIT_INSURANCE_TYPES).toEqual(['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY']);
    expect(InsuranceTypes.entries.filter((e) => e.unitMatter).map((e) => e.code)).toEqual([...UNIT_INSURANCE_TYPES]);
    expect(isUnitInsuranceType('WORK_INJURY')).toBe(true);
    expect(isUnitInsuranceType('PUBLIC_PENSION')).toBe(false);
  });

  it('eight work-injury risk classes, 0.2 % … 1.9 % (FAQ6)', () => {
    expect(WORK_INJURY_RISK_CLASSES.map((c) => c.ratePpm)).toEqual([2000, 4000, 7000, 9000, 11000, 13000, 16000, 19000]);
    expect(WORK_INJURY_RISK_CLASSES.map((c) => c.label).join('')).toBe('一类二类三类四类五类六类七类八类');
    expect(riskClassLabel(1)).toBe('一类');
    expect(workInjuryRatePpm(8)).toBe(19000);
    expect(isRiskClass(8)).toBe(true);
    expect(isRiskClass(9)).toBe(false);
    expect(isRiskClass(1.5)).toBe(false);
  });
});

describe('statuses', () => {
  it('labels from the seeds', () => {
    expect(EnrolmentStatuses.label('ACTIVE')).toBe('参保缴费');
    expect(EnrolmentStatuses.parse('正常参保')).toBe('ACTIVE');
    expect(EnrolmentStatuses.parse('暂停缴费')).toBe('SUSPENDED');
    expect(ContributionStatuses.label('PAID')).toBe('实缴到账');
    expect(ContributionStatuses.parse('已到账')).toBe('PAID');
    expect(ContributionStatuses.parse('未足额到账')).toBe('DECLARED');
    expect(ContributionStatuses.codes).toEqual(['PAID', 'ARREARS', 'BACK_PAID', 'DECLARED', 'REFUNDED']);
    expect(CaseStatuses.codes).toEqual(['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'EFFECTIVE', 'WITHDRAWN']);
    expect(CaseStatuses.label('EFFECTIVE')).toBe('办结');
    expect(CaseStatuses.parse('成功办结')).toBe('EFFECTIVE');
    expect(Roles.codes).toEqual(['PERSON', 'UNIT', 'REVIEWER']);
    expect(LoginTicketStates.codes).toEqual(['PENDING', 'SCANNED', 'CONFIRMED', 'CONSUMED', 'CANCELLED', 'EXPIRED']);
  });

  it('login tickets: single use, no way back', () => {
    expect(loginTicketMachine.canTransition('PENDING', 'SCANNED')).toBe(true);
    expect(loginTicketMachine.canTransition('SCANNED', 'CONFIRMED')).toBe(true);
    expect(loginTicketMachine.canTransition('CONFIRMED', 'CONSUMED')).toBe(true);
    expect(loginTicketMachine.canTransition('PENDING', 'CONFIRMED')).toBe(false);
    expect(loginTicketMachine.canTransition('CONSUMED', 'CONSUMED')).toBe(false);
    expect(loginTicketMachine.canTransition('SCANNED', 'PENDING')).toBe(false);
    for (const s of ['CONSUMED', 'CANCELLED', 'EXPIRED'] as const) expect(loginTicketMachine.isFinal(s)).toBe(true);
    for (const s of LoginTicketStates.codes) expect(loginTicketMachine.transitions[s]).toBeDefined();
  });

  it('cases: draft → submitted → approved/returned → effective; withdraw before a decision', () => {
    expect(caseMachine.canTransition('DRAFT', 'SUBMITTED')).toBe(true);
    expect(caseMachine.canTransition('SUBMITTED', 'EFFECTIVE')).toBe(true); // instant matters
    expect(caseMachine.canTransition('SUBMITTED', 'RETURNED')).toBe(true);
    expect(caseMachine.canTransition('RETURNED', 'SUBMITTED')).toBe(true);
    expect(caseMachine.canTransition('APPROVED', 'EFFECTIVE')).toBe(true);
    expect(caseMachine.canTransition('APPROVED', 'WITHDRAWN')).toBe(false);
    expect(caseMachine.canTransition('EFFECTIVE', 'WITHDRAWN')).toBe(false);
    expect(caseMachine.canTransition('DRAFT', 'APPROVED')).toBe(false);
    expect(caseMachine.isFinal('EFFECTIVE')).toBe(true);
    expect(caseMachine.isFinal('SUBMITTED')).toBe(false);
  });
});

describe('reasons', () => {
  it('停保原因 R32 with the report’s additions', () => {
    expect(StopReasons.entries.map((e) => e.label)).toEqual([
      '终止解除劳动合同(劳动关系)',
      '服刑',
      '入伍入学',
      '退休减员',
      '重复参保',
      '行政调动',
      '职工发生辞职(退)',
      '无法联系的',
      '死亡',
      '其他',
    ]);
    expect(StopReasons.parse('退休（退职）')).toBe('04');
    expect(StopReasons.parse('终止解除劳动合同（劳动关系）')).toBe(StopReason.CONTRACT_ENDED);
    expect(StopReason.DEATH).toBe('09');
    for (const c of StopReasons.codes) expect(c.length).toBeLessThanOrEqual(8); // enrolment.stop_reason VARCHAR(8)
  });

  it('补缴原因 R53 and 退费原因 R71', () => {
    expect(BackPaymentReasons.entries.map((e) => e.label)).toEqual([
      '劳动合同补缴',
      '视同缴费年限补缴',
      '行政审批历史追溯补缴',
      '法律文书补缴',
      '稽核部门出具的整改通知书',
      '社区类补缴',
    ]);
    expect(BackPaymentReason.LABOUR_CONTRACT).toBe('01');
    expect(RefundReasons.entries.map((e) => e.label)).toEqual([
      '解除劳动关系多缴退收/退账',
      '服刑多缴退收/退账',
      '行政部门审批认定多缴退收/退账',
      '其他退收/退账',
    ]);
    expect(RefundReasons.parse('解除劳动关系多缴退收')).toBe(RefundReason.EMPLOYMENT_ENDED);
  });
});

describe('person codes', () => {
  it('证件类型, 性别', () => {
    expect(IdTypes.byCode['01'].label).toBe('居民身份证(户口簿)');
    expect(IdTypes.parse('居民身份证（户口本）')).toBe('01');
    expect(IdTypes.byCode['01'].idCard).toBe(true);
    expect(Sexes.codes).toEqual(['1', '2']);
    expect(Sex.MALE).toBe('1');
    expect(Sexes.parse('女')).toBe('2');
  });

  it('56 民族 in GB/T 3304 order, unique', () => {
    expect(Ethnicities.codes).toHaveLength(56);
    expect(Ethnicities.codes).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(Ethnicities.entries.map((e) => e.label)).size).toBe(56);
    expect(Ethnicities.label('01')).toBe('汉族');
    expect(Ethnicities.label('15')).toBe('土家族');
    expect(Ethnicities.label('56')).toBe('基诺族');
    for (const e of Ethnicities.entries) expect(e.label).toMatch(/族$/);
  });

  it('certificate types fit certificate.type VARCHAR(32)', () => {
    for (const c of CertificateTypes.codes) expect(c.length).toBeLessThanOrEqual(32);
    expect(CertificateTypes.byCode.UNIT_INSURANCE.label).toBe('单位参保证明');
    expect(CertificateTypes.entries.filter((e) => e.priority === 'P0').map((e) => e.subject)).toContain('UNIT');
  });
});

describe('regions', () => {
  it('has the product’s regions with names', () => {
    expect(regionName('420000')).toBe('湖北省');
    expect(regionName(RegionCode.WUHAN)).toBe('武汉市');
    expect(regionName(RegionCode.YICHANG)).toBe('宜昌市');
    expect(regionName('430000')).toBe('湖南省');
    expect(regionName('430100')).toBe('长沙市');
    expect(regionName(RegionCode.ZHUZHOU)).toBe('株洲市');
    expect(regionName('330100')).toBe('杭州市');
    expect(regionName('999999')).toBeUndefined();
    expect(regionPath('430203')).toEqual(['湖南省', '株洲市', '芦淞区']);
    expect(regionPath('429021')).toEqual(['湖北省', '神农架林区']);
    expect(regionPath('420199')).toEqual(['湖北省']);
    expect(provinceCodeOf('420506')).toBe('420000');
    expect(getRegion('420500')?.level).toBe(2);
    expect(childRegions('420500').map((r) => r.name)).toContain('西陵区');
  });

  it('is consistent: unique codes, parents exist, levels descend', () => {
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(REGIONS.length);
    expect(Object.keys(PROVINCES)).toHaveLength(34);
    for (const r of REGIONS) {
      expect(r.code).toMatch(/^[1-9]\d{5}$/);
      if (r.parentCode === null) expect(r.level).toBe(1);
      else {
        const parent = getRegion(r.parentCode);
        expect(parent, r.code).toBeDefined();
        expect(parent?.level).toBeLessThan(r.level);
        expect(r.code.slice(0, 2)).toBe(r.parentCode.slice(0, 2));
      }
    }
    expect(isProvincePrefix('42')).toBe(true);
    expect(isProvincePrefix('00')).toBe(false);
    expect(isProvincePrefix('99')).toBe(false);
  });
});
