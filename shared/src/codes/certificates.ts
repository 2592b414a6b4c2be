/** 证明类型 the proofs a person or a unit can issue (PRODUCT.md §3). Codes fit `certificate.type` VARCHAR(32). */
import { defineCodeTable, type CodeOf } from './table';

export const CertificateTypes = defineCodeTable([
  // individual (seed 000 证明表单打印, 参保缴费凭证打印)
  { code: 'PERSON_INSURANCE', label: '参保证明', subject: 'PERSON', priority: 'P0', aliases: ['参保证明缴费明细', '个人参保证明'] },
  { code: 'PERSON_PAYMENT_VOUCHER', label: '参保缴费凭证', subject: 'PERSON', priority: 'P0', aliases: ['个人参保缴费凭证'] },
  { code: 'PENSION_ASSESSMENT', label: '养老金核定表', subject: 'PERSON', priority: 'P0' },
  { code: 'BENEFIT_RECEIPT', label: '待遇领取证明', subject: 'PERSON', priority: 'P0' },
  { code: 'RETIREMENT', label: '退休证明', subject: 'PERSON', priority: 'P0' },
  { code: 'SURVIVOR_ASSESSMENT', label: '遗属待遇核定表', subject: 'PERSON', priority: 'P1' },
  { code: 'OVERPAYMENT_RECOVERY', label: '多拨扣回表', subject: 'PERSON', priority: 'P1' },
  { code: 'RETIREMENT_CERTIFICATE', label: '职工退休证', subject: 'PERSON', priority: 'P1', aliases: ['电子退休证'] },
  { code: 'PERSON_WORK_INJURY', label: '工伤保险个人证明', subject: 'PERSON', priority: 'P1' },
  // unit (seed 002 §3.3.47/48/54, seed 004 §4.9.1)
  { code: 'UNIT_INSURANCE', label: '单位参保证明', subject: 'UNIT', priority: 'P0' },
  { code: 'UNIT_PENSION_VOUCHER', label: '养老缴费凭证', subject: 'UNIT', priority: 'P0', aliases: ['单位养老缴费凭证'] },
  { code: 'UNIT_BENEFIT', label: '单位待遇证明', subject: 'UNIT', priority: 'P1' },
  { code: 'UNIT_WORK_INJURY', label: '工伤保险单位证明', subject: 'UNIT', priority: 'P1' },
]);
export type CertificateType = CodeOf<typeof CertificateTypes>;
