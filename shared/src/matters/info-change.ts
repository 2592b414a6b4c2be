/**
 * Information changes (seed 002 M2): 单位职工一般信息变更登记 (§3.3.6), 单位一般信息变更登记 (§3.3.9),
 * 单位关键信息变更登记 (§3.3.10). Each records before/after values (变更项 / 变更前值 / 变更后值).
 */
import { z } from 'zod';
import { InsuranceTypes, UNIT_INSURANCE_TYPES } from '../codes/insurance';
import { BankAccountPurposes } from '../codes/status';
import { Ethnicities, IdTypes } from '../codes/person';
import {
  BankCategories,
  BloodTypes,
  Educations,
  EnterpriseSizes,
  HukouTypes,
  MaritalStatuses,
  Nationalities,
  PoliticalStatuses,
} from '../codes/person-info';
import { BATCH_GUIDANCE, RESULT_INSTANT, RESULT_REVIEW, TEMPLATE_INSTRUCTION, TERMS_TEXT } from './common';
import {
  BankAccountField,
  ContactPhoneField,
  EmailField,
  MobileField,
  PostalCodeField,
  RowIdNumber,
  RowPersonName,
  codeField,
  dateField,
  optional,
  optionalCodeField,
  optionalText,
  requiredText,
} from './fields';
import type { ChangeField, FormList, MatterDefinition, RowIssue } from './types';

const noForm = z.object({}).strict();

// ── 单位职工一般信息变更登记 §3.3.6 ────────────────────────────────────────────────────────────

/** R19 一般信息 (国籍、民族、文化程度、婚姻状况、血型、户口性质、邮政编码、联系电话) plus the §3.3.6 form's extras. */
export const PERSON_GENERAL_FIELDS: readonly ChangeField[] = [
  { field: 'nationality', label: '国籍', codeTable: Nationalities },
  { field: 'ethnicity', label: '民族', codeTable: Ethnicities },
  { field: 'politicalStatus', label: '政治面貌', codeTable: PoliticalStatuses },
  { field: 'education', label: '文化程度', codeTable: Educations },
  { field: 'maritalStatus', label: '婚姻状况', codeTable: MaritalStatuses },
  { field: 'bloodType', label: '血型', codeTable: BloodTypes },
  { field: 'hukouType', label: '户口性质', codeTable: HukouTypes },
  { field: 'firstWorkDate', label: '首次参加工作日期' },
  { field: 'postalCode', label: '邮政编码' },
  { field: 'phone', label: '手机号码' },
  { field: 'email', label: '电子邮箱' },
  { field: 'address', label: '常住地详址' },
];

export const StaffInfoChangeRow = z.object({
  /** Identification (R18): 个人编号, or 证件类型 + 姓名 + 证件号码. Not changeable here (R17). */
  personNo: optionalText(20, '个人编号'),
  idType: optionalCodeField(IdTypes, '证件类型'),
  idNumber: optional(RowIdNumber),
  name: optional(RowPersonName),
  /** Blank = unchanged (R18). */
  nationality: optionalCodeField(Nationalities, '国籍'),
  ethnicity: optionalCodeField(Ethnicities, '民族'),
  politicalStatus: optionalCodeField(PoliticalStatuses, '政治面貌'),
  education: optionalCodeField(Educations, '文化程度'),
  maritalStatus: optionalCodeField(MaritalStatuses, '婚姻状况'),
  bloodType: optionalCodeField(BloodTypes, '血型'),
  hukouType: optionalCodeField(HukouTypes, '户口性质'),
  firstWorkDate: optional(dateField('首次参加工作日期')),
  postalCode: optional(PostalCodeField),
  phone: optional(MobileField),
  email: optional(EmailField),
  address: optionalText(256, '常住地详址'),
});
export type StaffInfoChangeRow = z.output<typeof StaffInfoChangeRow>;

export const staffInfoChange: MatterDefinition<typeof noForm, typeof StaffInfoChangeRow> = {
  code: 'STAFF_INFO_CHANGE',
  name: '单位职工一般信息变更登记',
  section: '3.3.6',
  category: 'INFO_MAINTENANCE',
  applicant: 'unit',
  description: '为参保单位职工办理联系方式、常用地址等一般信息变更，含在职、退休参保人员。',
  guidance: [
    '输入证件号码，自动读取人员信息（置灰的为不可修改数据），修改后点击【添加校验】，核对变更项、变更前值和变更后值',
    ...BATCH_GUIDANCE,
    '所有内容都必须使用文本格式，个人编号，证件类型，姓名，证件号码本功能不提供修改。',
    '个人编号如果不录入，则证件类型，姓名，证件号码必须录入，反之亦然，如果不录入则默认不修改。',
    '姓名、身份证号码修改属于关键信息修改，只能到大厅前台修改。',
  ],
  terms: TERMS_TEXT,
  review: 'instant',
  resultMessage: RESULT_INSTANT,
  modes: ['SINGLE', 'BATCH'],
  form: noForm,
  row: StaffInfoChangeRow,
  rowKey: 'idNumber',
  rowLabels: {
    personNo: '个人编号',
    idType: '证件类型',
    idNumber: '证件号码',
    name: '姓名',
    ...Object.fromEntries(PERSON_GENERAL_FIELDS.map((f) => [f.field, f.label])),
  },
  rowRules: (row) => {
    const issues: RowIssue[] = [];
    if (row.personNo === undefined && (row.idNumber === undefined || row.name === undefined)) {
      issues.push({ field: 'idNumber', column: '证件号码', reason: '个人编号如果不录入，则证件类型，姓名，证件号码必须录入' });
    }
    if (!PERSON_GENERAL_FIELDS.some((f) => (row as Record<string, unknown>)[f.field] !== undefined)) {
      issues.push({ field: 'phone', column: '变更项', reason: '未填写需要变更的信息' });
    }
    return issues;
  },
  changeFields: PERSON_GENERAL_FIELDS,
  template: {
    title: '参保人员基础信息变更申报表（一般信息修改）',
    fileName: '参保人员一般信息变更',
    columns: [
      { header: '序号', field: '', kind: 'seq', example: '1', width: 6 },
      { header: '个人编号', field: 'personNo', kind: 'text', example: '420500000001', width: 14 },
      { header: '证件类型', field: 'idType', kind: 'code', codeTable: IdTypes, example: '01 居民身份证(户口簿)', width: 18 },
      { header: '证件号码', field: 'idNumber', kind: 'idNumber', example: '11010519491231002X', width: 22 },
      { header: '姓名', field: 'name', kind: 'text', example: '张三', width: 10 },
      { header: '国籍', field: 'nationality', kind: 'code', codeTable: Nationalities, example: 'CHN 中国', width: 12 },
      { header: '民族', field: 'ethnicity', kind: 'code', codeTable: Ethnicities, example: '01 汉族', width: 12 },
      { header: '首次参加工作日期', field: 'firstWorkDate', kind: 'date', example: '2010-01-01', width: 16 },
      { header: '政治面貌', field: 'politicalStatus', kind: 'code', codeTable: PoliticalStatuses, example: '13 群众', width: 14 },
      { header: '文化程度', field: 'education', kind: 'code', codeTable: Educations, example: '21 大学本科', width: 14 },
      { header: '婚姻状况', field: 'maritalStatus', kind: 'code', codeTable: MaritalStatuses, example: '1 未婚', width: 14 },
      { header: '血型', field: 'bloodType', kind: 'code', codeTable: BloodTypes, example: '4 O型', width: 10 },
      { header: '户口性质', field: 'hukouType', kind: 'code', codeTable: HukouTypes, example: '2 非农业户口', width: 14 },
      { header: '邮政编码', field: 'postalCode', kind: 'text', example: '430000', width: 10 },
      { header: '常住地详址', field: 'address', kind: 'text', example: 'XXX省XXX市XXX区 XXXX', width: 28 },
      { header: '手机号码', field: 'phone', kind: 'text', example: '15900000000', width: 14 },
      { header: '电子邮箱', field: 'email', kind: 'text', example: 'saff@qq.com', width: 18 },
    ],
    instruction: TEMPLATE_INSTRUCTION,
    notes: [
      '所有内容都必须使用文本格式，个人编号，证件类型，姓名，证件号码本功能不提供修改。',
      '个人编号如果不录入，则证件类型，姓名，证件号码必须录入，反之亦然，如果不录入则默认不修改。',
    ],
    maxRows: 10_000,
  },
  materials: [],
  inFlight: 'staff',
  reportTitle: '参保人员基础信息变更申报表（一般信息修改）',
  reportNotes: ['一般信息包括国籍、民族、文化程度、婚姻状况、血型、户口性质、邮政编码、联系电话。'],
};

// ── 单位一般信息变更登记 §3.3.9 ────────────────────────────────────────────────────────────────

export const ClerkInput = z.object({
  name: RowPersonName,
  idNumber: RowIdNumber,
  phone: MobileField,
  department: optionalText(64, '经办人所在部门'),
  email: optional(EmailField),
});

export const ClerkModify = z.object({
  id: z.int('经办人无效').positive('经办人无效'),
  phone: optional(MobileField),
  department: optionalText(64, '经办人所在部门'),
  email: optional(EmailField),
});

/** The account types a unit registers online (seed 004 FAQ33: 退收银行账户, 遗属代发银行账户). */
export const UNIT_BANK_PURPOSES = ['REFUND', 'SURVIVOR'] as const;

export const BankAccountInput = z.object({
  purpose: z.enum(UNIT_BANK_PURPOSES, '银行用途须为退款银行或遗属代发').default('REFUND'),
  bankCategory: codeField(BankCategories, '银行类别'),
  bankName: requiredText(128, '开户银行名称'),
  accountName: requiredText(128, '银行户名'),
  accountNumber: BankAccountField,
  /** 勾选可参保险种 (R23). */
  insuranceTypes: z
    .array(z.enum(UNIT_INSURANCE_TYPES, '险种须为养老、失业或工伤保险'), '请勾选险种')
    .min(1, '请至少勾选一个险种')
    .refine((a) => new Set(a).size === a.length, '险种重复'),
});

export const BankAccountModify = BankAccountInput.partial().extend({ id: z.int('银行账户无效').positive('银行账户无效') });

export const UnitInfoChangeForm = z
  .object({
    contact: z
      .object({
        address: optionalText(256, '联系地址'),
        postalCode: optional(PostalCodeField),
        contactName: optionalText(64, '联系人'),
        contactPhone: optional(ContactPhoneField),
        contactEmail: optional(EmailField),
      })
      .strict()
      .optional(),
    clerks: z
      .object({
        add: z.array(ClerkInput).max(20, '一次最多添加20名经办人').optional(),
        modify: z.array(ClerkModify).max(50).optional(),
        remove: z.array(z.int().positive()).max(50).optional(),
      })
      .strict()
      .optional(),
    bankAccounts: z
      .object({
        add: z.array(BankAccountInput).max(10, '一次最多添加10个银行账户').optional(),
        modify: z.array(BankAccountModify).max(20).optional(),
        remove: z.array(z.int().positive()).max(20).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type UnitInfoChangeForm = z.output<typeof UnitInfoChangeForm>;

/** The wizard's list editors of §3.3.9 (单位经办人信息: 添加 / 修改 / 删除; 银行账户信息 with 勾选可参保险种). */
export const UNIT_INFO_LISTS: readonly FormList[] = [
  {
    key: 'clerks',
    label: '单位经办人信息',
    itemName: '经办人',
    source: 'unitClerks',
    note: '单位经办人变更须用法人账号登录（法定代表人本人办理）；单位至少保留一名经办人。姓名、证件号码不能修改，如有错误请删除后重新添加。',
    fields: [
      { field: 'name', label: '姓名', kind: 'text', required: true, modifiable: false },
      { field: 'idNumber', label: '证件号码', kind: 'idNumber', required: true, modifiable: false },
      { field: 'phone', label: '手机号码', kind: 'phone', required: true, modifiable: true },
      { field: 'department', label: '经办人所在部门', kind: 'text', modifiable: true },
      { field: 'email', label: '电子邮箱', kind: 'text', modifiable: true },
    ],
  },
  {
    key: 'bankAccounts',
    label: '银行账户信息',
    itemName: '银行账户',
    source: 'unitBankAccounts',
    note: '填写银行信息（*为必填项）并勾选可参保险种；退款账户用于多缴退费。',
    fields: [
      { field: 'purpose', label: '银行用途', kind: 'code', codeTable: BankAccountPurposes, codes: UNIT_BANK_PURPOSES, required: true, modifiable: true },
      { field: 'bankCategory', label: '银行类别', kind: 'code', codeTable: BankCategories, required: true, modifiable: true },
      { field: 'bankName', label: '开户银行名称', kind: 'text', required: true, modifiable: true },
      { field: 'accountName', label: '银行户名', kind: 'text', required: true, modifiable: true },
      { field: 'accountNumber', label: '银行账号', kind: 'text', required: true, modifiable: true },
      { field: 'insuranceTypes', label: '险种', kind: 'multi', codeTable: InsuranceTypes, codes: UNIT_INSURANCE_TYPES, required: true, modifiable: true },
    ],
  },
];

export const UNIT_CONTACT_FIELDS: readonly ChangeField[] = [
  { field: 'address', label: '联系地址' },
  { field: 'postalCode', label: '邮政编码' },
  { field: 'contactName', label: '联系人' },
  { field: 'contactPhone', label: '联系电话' },
  { field: 'contactEmail', label: '联系电子邮箱' },
];

export const unitInfoChange: MatterDefinition<typeof UnitInfoChangeForm> = {
  code: 'UNIT_INFO_CHANGE',
  name: '单位一般信息变更登记',
  section: '3.3.9',
  category: 'INFO_MAINTENANCE',
  applicant: 'unit',
  description:
    '为参加城镇企业职工社保的企业、机关事业单位、社会团体等类型用人单位办理社会保险登记信息变更，包括单位收款银行信息、单位经办人信息、单位联系地址等信息变更。',
  guidance: [
    '在基本信息中，会自动同步单位基本信息和单位经办人信息，可修改单位基本信息（*为必填信息，置灰的为不可修改数据）。',
    '点击【单位经办人信息】可添加单位经办人，点击操作中的【修改】或【删除】可以对现有经办人信息进行修改、删除。',
    '可添加银行信息（*为必填项）勾选可参保险种，确认无误后点击【添加】按钮。添加完成后点击【保存】按钮。',
    '此处只能变更社保系统内经办人信息；单位经办人变更须用法人账号登录（法定代表人本人办理）。',
  ],
  terms: TERMS_TEXT,
  // "点击【确认提交】，系统自动跳转到下图页面，表示业务办理成功" (§3.3.9): completes on submit.
  review: 'instant',
  resultMessage: RESULT_INSTANT,
  modes: [],
  form: UnitInfoChangeForm,
  formLabels: {
    contact: '联系信息',
    clerks: '单位经办人信息',
    bankAccounts: '银行账户信息',
    address: '联系地址',
    postalCode: '邮政编码',
    contactName: '联系人',
    contactPhone: '联系电话',
    contactEmail: '联系电子邮箱',
    department: '经办人所在部门',
    bankCategory: '银行类别',
    bankName: '开户银行名称',
    accountName: '银行户名',
    accountNumber: '银行账号',
    insuranceTypes: '险种',
    purpose: '银行用途',
  },
  formRules: (form) => {
    const c = form.contact ?? {};
    const any =
      Object.values(c).some((v) => v !== undefined) ||
      (form.clerks?.add?.length ?? 0) + (form.clerks?.modify?.length ?? 0) + (form.clerks?.remove?.length ?? 0) > 0 ||
      (form.bankAccounts?.add?.length ?? 0) + (form.bankAccounts?.modify?.length ?? 0) + (form.bankAccounts?.remove?.length ?? 0) > 0;
    const issues: RowIssue[] = any ? [] : [{ field: 'contact', column: '变更项', reason: '未填写需要变更的信息' }];
    const ids = (form.clerks?.add ?? []).map((c) => c.idNumber);
    if (new Set(ids).size !== ids.length) issues.push({ field: 'clerks.add', column: '单位经办人信息', reason: '新增经办人证件号码重复' });
    return issues;
  },
  formLists: UNIT_INFO_LISTS,
  changeFields: UNIT_CONTACT_FIELDS,
  materials: [],
  inFlight: 'unit',
  reportTitle: '社会保险登记信息变更申报表（一般信息）',
};

// ── 单位关键信息变更登记 §3.3.10 ───────────────────────────────────────────────────────────────

export const UnitKeyInfoChangeForm = z
  .object({
    name: optionalText(128, '单位名称'),
    legalRepName: optional(RowPersonName),
    legalRepIdType: optionalCodeField(IdTypes, '法定代表人证件类型'),
    legalRepIdNumber: optional(RowIdNumber),
    legalRepPhone: optional(ContactPhoneField),
    businessScope: optionalText(512, '经营范围'),
    sizeClass: optionalCodeField(EnterpriseSizes, '企业类型'),
  })
  .strict();
export type UnitKeyInfoChangeForm = z.output<typeof UnitKeyInfoChangeForm>;

export const UNIT_KEY_FIELDS: readonly ChangeField[] = [
  { field: 'name', label: '单位名称' },
  { field: 'legalRepName', label: '法定代表人姓名' },
  { field: 'legalRepIdNumber', label: '法定代表人证件号码' },
  { field: 'legalRepPhone', label: '法定代表人电话' },
  { field: 'businessScope', label: '经营范围' },
  { field: 'sizeClass', label: '企业类型', codeTable: EnterpriseSizes },
];

export const unitKeyInfoChange: MatterDefinition<typeof UnitKeyInfoChangeForm> = {
  code: 'UNIT_KEY_INFO_CHANGE',
  name: '单位关键信息变更登记',
  section: '3.3.10',
  category: 'INFO_MAINTENANCE',
  applicant: 'unit',
  description:
    '为参加城镇企业职工社保的企业、机关事业单位、社会团体等类型用人单位办理社会保险登记信息变更，包括单位名称、法人、经营范围、企业划型等信息变更，可从联办部门获取更新。',
  guidance: [
    '在单位基本信息中，点击【同步信息】，核对[当前]与[工商]信息，确认无误后点击【添加】',
    '法定代表人发生变更时，建议先前往市场监管部门变更信息；提交后大厅审核通过即可更改成功。',
  ],
  terms: TERMS_TEXT,
  review: 'reviewed',
  resultMessage: RESULT_REVIEW,
  modes: [],
  form: UnitKeyInfoChangeForm,
  formLabels: Object.fromEntries(UNIT_KEY_FIELDS.map((f) => [f.field, f.label])),
  formRules: (form) => {
    const issues: RowIssue[] = [];
    if (!UNIT_KEY_FIELDS.some((f) => (form as Record<string, unknown>)[f.field] !== undefined)) {
      issues.push({ field: 'name', column: '变更项', reason: '未填写需要变更的信息' });
    }
    if ((form.legalRepIdNumber === undefined) !== (form.legalRepName === undefined)) {
      issues.push({ field: 'legalRepIdNumber', column: '法定代表人', reason: '变更法定代表人须同时填写法定代表人姓名和证件号码' });
    }
    return issues;
  },
  changeFields: UNIT_KEY_FIELDS,
  materials: [
    { code: 'INSTITUTION_CERT', name: '事业单位法人证书', requirement: 'OPTIONAL', description: '非必传' },
    { code: 'APPROVAL_WITH_USCC', name: '行政主管部门审批的含有"统一社会信用代码"的批准文件', requirement: 'OPTIONAL', description: '非必传' },
    { code: 'SOCIAL_ORG_CERT', name: '社会团体法人登记证书', requirement: 'OPTIONAL', description: '非必传' },
    { code: 'LEGAL_REP_ID', name: '法人代表或负责人身份证', requirement: 'OPTIONAL', description: '非必传' },
  ],
  inFlight: 'unit',
  reportTitle: '社会保险登记信息变更申报表（关键信息）',
};
