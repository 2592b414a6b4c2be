import { describe, expect, it } from 'vitest';
import {
  MATTERS,
  buildIdNumber,
  changeTable,
  checkMaterials,
  getMatter,
  parseSheet,
  PERSON_GENERAL_FIELDS,
  staffEnrol,
  staffStop,
  validateMatterForm,
  validateMatterRow,
  type SheetRow,
} from '../src/index';

const ctx = { today: '2024-05-15' };
const ID = buildIdNumber('420502', '1990-01-01', 123);

describe('matter catalogue', () => {
  it('has unique codes, seed texts and consistent templates', () => {
    expect(new Set(MATTERS.map((m) => m.code)).size).toBe(MATTERS.length);
    for (const m of MATTERS) {
      expect(m.description.length).toBeGreaterThan(10);
      expect(getMatter(m.code)).toBe(m);
      if (m.modes.includes('BATCH')) expect(m.template).toBeDefined();
      if (!m.template || !m.row) continue;
      // a row schema with a transform (WAGE_CHANGE adds its key) is a pipe: its input object has the fields
      const row = m.row as unknown as { shape?: Record<string, unknown>; in?: { shape: Record<string, unknown> } };
      const shape = row.shape ?? row.in?.shape ?? {};
      for (const c of m.template.columns) {
        if (c.kind === 'seq' || c.kind === 'unitNo' || c.kind === 'unitName') continue;
        expect(Object.keys(shape), `${m.code} column ${c.header}`).toContain(c.field);
        if (c.kind === 'code') expect(c.codeTable, `${m.code} ${c.header}`).toBeDefined();
      }
      expect(new Set(m.template.columns.map((c) => c.header)).size).toBe(m.template.columns.length);
    }
  });

  it('validates an enrolment row with Chinese reasons naming the column', () => {
    const good = { idNumber: ID, name: '张三', ethnicity: '01', workStartDate: '2024-05-01', monthlyWage: 500000, insuranceTypes: ['PENSION'], phone: '13800138000' };
    expect(validateMatterRow(staffEnrol, good, ctx)).toMatchObject({ ok: true });
    const badId = `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`;
    const r = validateMatterRow(staffEnrol, { ...good, idNumber: badId, insuranceTypes: [] }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual({ field: 'idNumber', column: '身份证号码', reason: '身份证号码校验位不正确，请核对' });
    expect(r.issues).toContainEqual({ field: 'insuranceTypes', column: '参保险种', reason: '请至少选择一个险种' });
    const future = validateMatterRow(staffEnrol, { ...good, workStartDate: '2024-06-01' }, ctx);
    expect(future).toMatchObject({ ok: false, issues: [{ column: '本次申报参工时间', reason: '本次申报参工时间不能晚于当月' }] });
    const child = validateMatterRow(staffEnrol, { ...good, idNumber: buildIdNumber('420502', '2010-01-01', 123) }, ctx);
    expect(child).toMatchObject({ ok: false, issues: [{ reason: '参工时未满16周岁，不能参保' }] });
    // Idempotent: the stored output validates again to itself.
    const once = validateMatterRow(staffEnrol, good, ctx);
    if (once.ok) expect(validateMatterRow(staffEnrol, once.value, ctx)).toEqual(once);
  });

  it('requires an identification and a change for 一般信息变更 (R18)', () => {
    const m = getMatter('STAFF_INFO_CHANGE')!;
    expect(validateMatterRow(m, { education: '21' }, ctx)).toMatchObject({ ok: false });
    expect(validateMatterRow(m, { idNumber: ID, name: '张三' }, ctx)).toMatchObject({ ok: false, issues: [{ reason: '未填写需要变更的信息' }] });
    expect(validateMatterRow(m, { personNo: '420500000001', education: '21' }, ctx)).toMatchObject({ ok: true });
  });

  it('validates unit forms', () => {
    const m = getMatter('UNIT_KEY_INFO_CHANGE')!;
    expect(validateMatterForm(m, {}, ctx)).toMatchObject({ ok: false, issues: [{ reason: '未填写需要变更的信息' }] });
    expect(validateMatterForm(m, { legalRepName: '李四' }, ctx)).toMatchObject({ ok: false });
    expect(validateMatterForm(m, { name: '新名称有限公司', sizeClass: '4' }, ctx)).toMatchObject({ ok: true });
    const g = getMatter('UNIT_INFO_CHANGE')!;
    const r = validateMatterForm(g, { bankAccounts: { add: [{ bankCategory: '999', bankName: 'x', accountName: 'y', accountNumber: '12', insuranceTypes: [] }] } }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.column)).toEqual(expect.arrayContaining(['银行类别', '银行账号', '险种']));
  });
});

describe('materials rule (R09)', () => {
  const slots = [
    { code: 'A', name: '申请表', requirement: 'REQUIRED' as const },
    { code: 'B', name: '开采协议', requirement: 'GROUP' as const, group: '分组1' },
    { code: 'C', name: '采矿许可证', requirement: 'GROUP' as const, group: '分组1' },
    { code: 'D', name: '其他', requirement: 'OPTIONAL' as const },
  ];
  it('needs every 必传 and one per group; optional never matters', () => {
    expect(checkMaterials(slots, ['A', 'C']).ok).toBe(true);
    const r = checkMaterials(slots, ['D']);
    expect(r.ok).toBe(false);
    expect(r.missingRequired).toEqual(['《申请表》']);
    expect(r.message).toBe('请上传必传材料《申请表》；分组1请至少上传一种材料（《开采协议》或《采矿许可证》）');
  });
});

describe('batch sheet reading', () => {
  const t = staffEnrol.template!;
  const header = t.columns.map((c) => c.header);
  const example = t.columns.map((c) => c.example);
  const sheet = (...data: (string | number | null)[][]): SheetRow[] => [
    { rowNo: 1, cells: ['在职职工增员申报表'] },
    { rowNo: 2, cells: ['单位名称：x'] },
    { rowNo: 3, cells: header },
    { rowNo: 4, cells: example },
    { rowNo: 5, cells: [t.instruction] },
    ...data.map((cells, i) => ({ rowNo: 6 + i, cells })),
  ];
  const row = (over: Partial<Record<string, string | number | null>> = {}) =>
    t.columns.map((c) => (c.header in over ? over[c.header]! : c.kind === 'seq' ? '1' : c.kind === 'idNumber' ? ID : c.example));

  it('reads rows after the instruction line, resolving codes, dates, money and ticks', () => {
    const p = parseSheet(sheet(row(), row({ 工伤保险: '', 民族: '汉族', 本次申报参工时间: '20240501', 月缴费工资: 5000.5 })), t);
    expect(p.structural).toEqual([]);
    expect(p.rows).toHaveLength(2);
    expect(p.rows[0]).toMatchObject({ rowNo: 6, issues: [], data: { idNumber: ID, ethnicity: '01', monthlyWage: 500000, insuranceTypes: ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] } });
    expect(p.rows[1]).toMatchObject({ rowNo: 7, data: { workStartDate: '2024-05-01', monthlyWage: 500050, insuranceTypes: ['PENSION', 'UNEMPLOYMENT'] } });
  });

  it('reports bad cells with row, column and reason', () => {
    const p = parseSheet(sheet(row({ 身份证号码: 110105194912310020, 民族: '火星族', 本次申报参工时间: '2024-02-30' })), t);
    expect(p.rows[0]?.issues).toEqual([
      { field: 'idNumber', column: '身份证号码', reason: '身份证号码须以文本格式填写（数字格式会丢失末位），请将单元格设为文本后重新录入' },
      { field: 'ethnicity', column: '民族', reason: '民族“火星族”不在代码表中，请从下拉列表中选择' },
      { field: 'workStartDate', column: '本次申报参工时间', reason: '本次申报参工时间“2024-02-30”不是有效日期，格式应为YYYY-MM-DD' },
    ]);
  });

  it('fails the whole file on a wrong or missing header', () => {
    const bad = sheet(row());
    (bad[2] as unknown as { cells: unknown[] }).cells = header.map((h) => (h === '民族' ? '民族名称' : h));
    expect(parseSheet(bad, t)).toEqual({ structural: [{ reason: '第3行表头第6列应为“民族”，实为“民族名称”' }], rows: [] });
    const missing = sheet(row());
    (missing[2] as unknown as { cells: unknown[] }).cells = header.filter((h) => h !== '姓名');
    expect(parseSheet(missing, t).structural.length).toBeGreaterThan(0);
    expect(parseSheet([{ rowNo: 1, cells: ['随便什么表'] }], t).structural[0]?.reason).toMatch(/未找到表头行/);
    expect(parseSheet(sheet(), t).structural[0]?.reason).toMatch(/没有数据行/);
  });

  it('reads the stop template too', () => {
    const st = staffStop.template!;
    const rows: SheetRow[] = [
      { rowNo: 1, cells: st.columns.map((c) => c.header) },
      { rowNo: 2, cells: st.columns.map((c) => (c.kind === 'idNumber' ? ID : c.kind === 'seq' ? '1' : c.example)) },
    ];
    const p = parseSheet(rows, st);
    expect(p.rows[0]?.data).toMatchObject({ reason: '07', stopDate: '2021-03-31', insuranceTypes: ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'] });
  });
});

describe('change table', () => {
  it('shows labels of codes before and after', () => {
    const rows = changeTable(PERSON_GENERAL_FIELDS, { education: '90', maritalStatus: '9', politicalStatus: '01' }, { education: '11', maritalStatus: '1', politicalStatus: '01' });
    expect(rows).toEqual([
      { field: 'politicalStatus', label: '政治面貌', before: '中共党员', after: '中共党员', changed: false },
      { field: 'education', label: '文化程度', before: '其他', after: '博士研究生', changed: true },
      { field: 'maritalStatus', label: '婚姻状况', before: '未说明的婚姻状况', after: '未婚', changed: true },
    ]);
  });
});

describe('numeric date cells', () => {
  it('reads Excel serials and 8-digit numbers', async () => {
    const { numericDate } = await import('../src/matters/batch');
    expect(numericDate(45413)).toBe('2024-05-01');
    expect(numericDate(20240501)).toBe('2024-05-01');
    expect(numericDate(20240230)).toBeNull();
    expect(numericDate(3.5)).toBeNull();
  });
});
