/**
 * Statuses and kinds. Codes match the Prisma enums of the same name (prisma/schema.prisma), labels are what the
 * seeds print. Where the seeds use several spellings, the others are aliases (accepted by `parse`).
 */
import { defineCodeTable, defineStateMachine, type CodeOf } from './table';

/** 参保状态 enrolment status of a person (or unit) in one insurance type. National AAC031: 1 / 2 / 3. */
export const EnrolmentStatuses = defineCodeTable([
  { code: 'ACTIVE', label: '参保缴费', nationalCode: '1', aliases: ['正常参保', '正常缴费'] },
  { code: 'SUSPENDED', label: '暂停缴费', nationalCode: '2', aliases: ['暂停参保', '停保'] },
  { code: 'TERMINATED', label: '终止参保', nationalCode: '3', aliases: ['终止缴费'] },
]);
export type EnrolmentStatus = CodeOf<typeof EnrolmentStatuses>;

/** 人员状态 person status. */
export const PersonStatuses = defineCodeTable([
  { code: 'ACTIVE', label: '在职' },
  { code: 'RETIRED', label: '离退休', aliases: ['退休', '离休'] },
  { code: 'DECEASED', label: '死亡' },
]);
export type PersonStatus = CodeOf<typeof PersonStatuses>;

/** 缴费状态 status of one monthly contribution record. */
export const ContributionStatuses = defineCodeTable([
  { code: 'PAID', label: '实缴到账', aliases: ['已到账', '足额到账', '已足额到账'] },
  { code: 'ARREARS', label: '欠费' },
  { code: 'BACK_PAID', label: '补缴到账', aliases: ['补缴', '补收到账'] },
  { code: 'DECLARED', label: '应缴未到账', aliases: ['已申报未到账', '未足额到账', '未到账'] },
  { code: 'REFUNDED', label: '已退费', aliases: ['退费', '退收'] },
]);
export type ContributionStatus = CodeOf<typeof ContributionStatuses>;

/** 应缴类型 / 缴费类型 kind of a contribution record. */
export const ContributionKinds = defineCodeTable([
  { code: 'NORMAL', label: '正常应缴', aliases: ['正常'] },
  { code: 'BACK_PAYMENT', label: '补缴', aliases: ['补收', '补缴应缴'] },
  { code: 'ADJUSTMENT', label: '缴费工资变更差额', aliases: ['差额补收', '差额补退'] },
]);
export type ContributionKind = CodeOf<typeof ContributionKinds>;

/** 用户角色. The API's route guard names them in lower case (see `ApiAuth` in api/route.ts). */
export const Roles = defineCodeTable([
  { code: 'PERSON', label: '参保人', aliases: ['个人'] },
  { code: 'UNIT', label: '单位经办人', aliases: ['单位', '经办人'] },
  { code: 'REVIEWER', label: '中心审核', aliases: ['审核人员', '中心'] },
]);
export type Role = CodeOf<typeof Roles>;

/** 电子社保卡 e-SSC status. */
export const CardStatuses = defineCodeTable([
  { code: 'PENDING', label: '待开通' },
  { code: 'ACTIVE', label: '已开通', aliases: ['已签发'] },
  { code: 'REVOKED', label: '已注销' },
]);
export type CardStatus = CodeOf<typeof CardStatuses>;

/** 扫码登录票据状态 scan-code login ticket state. */
export const LoginTicketStates = defineCodeTable([
  { code: 'PENDING', label: '待扫码' },
  { code: 'SCANNED', label: '已扫码待确认' },
  { code: 'CONFIRMED', label: '已确认' },
  { code: 'CONSUMED', label: '已登录' },
  { code: 'CANCELLED', label: '已取消' },
  { code: 'EXPIRED', label: '已过期' },
]);
export type LoginTicketState = CodeOf<typeof LoginTicketStates>;

/**
 * PENDING → SCANNED → CONFIRMED → CONSUMED; PENDING/SCANNED/CONFIRMED may end CANCELLED or EXPIRED
 * (ARCHITECTURE.md, scan-code login). A ticket is redeemable once: CONSUMED is final.
 */
export const loginTicketMachine = defineStateMachine<LoginTicketState>({
  PENDING: ['SCANNED', 'CANCELLED', 'EXPIRED'],
  SCANNED: ['CONFIRMED', 'CANCELLED', 'EXPIRED'],
  CONFIRMED: ['CONSUMED', 'CANCELLED', 'EXPIRED'],
  CONSUMED: [],
  CANCELLED: [],
  EXPIRED: [],
});

/** 登录目标 what the PC asks to sign in as. */
export const LoginTargets = defineCodeTable([
  { code: 'PERSON', label: '个人登录' },
  { code: 'UNIT', label: '单位登录' },
]);
export type LoginTarget = CodeOf<typeof LoginTargets>;

/** 办件状态 case status. */
export const CaseStatuses = defineCodeTable([
  { code: 'DRAFT', label: '保存', aliases: ['草稿', '未提交', '已保存'] },
  { code: 'SUBMITTED', label: '已提交', aliases: ['待审核', '提交审核', '等待大厅审核', '等待管理单位审核'] },
  { code: 'APPROVED', label: '审核通过' },
  { code: 'RETURNED', label: '退回', aliases: ['审核退回', '已退回'] },
  { code: 'EFFECTIVE', label: '办结', aliases: ['成功办结', '已办结', '已生效'] },
  { code: 'WITHDRAWN', label: '撤销', aliases: ['已撤销', '撤销业务'] },
]);
export type CaseStatus = CodeOf<typeof CaseStatuses>;

/**
 * Case lifecycle (seed 002 §2, R98–R102): a draft is saved and edited, then submitted. Instant matters go
 * SUBMITTED → EFFECTIVE at once ("该业务已成功办结"); reviewed ones SUBMITTED → APPROVED → EFFECTIVE (effects applied
 * in the approval transaction) or → RETURNED with a reason, after which the applicant corrects and resubmits.
 * The applicant may withdraw (撤销) a case that is not yet decided.
 */
export const caseMachine = defineStateMachine<CaseStatus>({
  DRAFT: ['SUBMITTED', 'WITHDRAWN'],
  SUBMITTED: ['APPROVED', 'RETURNED', 'EFFECTIVE', 'WITHDRAWN'],
  APPROVED: ['EFFECTIVE'],
  RETURNED: ['SUBMITTED', 'WITHDRAWN'],
  EFFECTIVE: [],
  WITHDRAWN: [],
});

/** 申报方式 single or batch (报盘) mode of a case. */
export const CaseModes = defineCodeTable([
  { code: 'SINGLE', label: '单个添加', aliases: ['单笔'] },
  { code: 'BATCH', label: '批量添加', aliases: ['批量', '报盘'] },
]);
export type CaseMode = CodeOf<typeof CaseModes>;

/** 证明状态 stored status of an issued certificate. */
export const CertificateStatuses = defineCodeTable([
  { code: 'VALID', label: '有效' },
  { code: 'REVOKED', label: '已作废', aliases: ['已撤销'] },
]);
export type CertificateStatus = CodeOf<typeof CertificateStatuses>;

/** 验证结果 what the public verification page reports. EXPIRED = valid but past the 3-month window (R004-1). */
export const VerificationResults = defineCodeTable([
  { code: 'VALID', label: '真实有效' },
  { code: 'EXPIRED', label: '已过验证期' },
  { code: 'REVOKED', label: '已作废' },
  { code: 'NOT_FOUND', label: '未找到该证明' },
]);
export type VerificationResult = CodeOf<typeof VerificationResults>;

/** Whether the QR's signed token matches the issuer's record. */
export const TokenChecks = defineCodeTable([
  { code: 'MATCH', label: '二维码签名与存档一致' },
  { code: 'MISMATCH', label: '二维码内容与存档不一致' },
  { code: 'ABSENT', label: '未提供二维码签名' },
  { code: 'INVALID', label: '二维码签名无效' },
]);
export type TokenCheck = CodeOf<typeof TokenChecks>;

/** 应缴认定单状态 bill status. */
export const BillStatuses = defineCodeTable([
  { code: 'VALID', label: '有效待缴' },
  { code: 'PAID', label: '已到账' },
  { code: 'EXPIRED', label: '已过期作废', aliases: ['过期作废', '已失效'] },
  { code: 'REVOKED', label: '已撤销' },
]);
export type BillStatus = CodeOf<typeof BillStatuses>;

/** 单位缴费申报状态 monthly declaration status (R44: revocable only before a bill exists). */
export const DeclarationStatuses = defineCodeTable([
  { code: 'DECLARED', label: '已申报' },
  { code: 'BILLED', label: '已开具认定单' },
  { code: 'REVOKED', label: '已撤销申报' },
]);
export type DeclarationStatus = CodeOf<typeof DeclarationStatuses>;

/** 银行账户用途. */
export const BankAccountPurposes = defineCodeTable([
  { code: 'REFUND', label: '退款账户', aliases: ['退款银行', '退收银行账户'] },
  { code: 'SURVIVOR', label: '遗属代发', aliases: ['遗属代发银行账户'] },
  { code: 'WORK_INJURY', label: '工伤收款', aliases: ['工伤收款账户'] },
  { code: 'BENEFIT_PAYMENT', label: '待遇发放' },
]);
export type BankAccountPurpose = CodeOf<typeof BankAccountPurposes>;

/** 待遇类别 kinds of benefit payment a person can query. */
export const PaymentKinds = defineCodeTable([
  { code: 'BASIC_PENSION', label: '基本养老金', aliases: ['养老待遇'] },
  { code: 'PROXY_BENEFIT', label: '代发待遇' },
  { code: 'PUBLIC_PENSION', label: '机关事业单位养老金', aliases: ['机关养老待遇'] },
  { code: 'OCCUPATIONAL_ANNUITY', label: '职业年金' },
  { code: 'WORK_INJURY', label: '长期工伤待遇', aliases: ['工伤待遇'] },
]);
export type PaymentKind = CodeOf<typeof PaymentKinds>;

/** 发放状态. */
export const PaymentStatuses = defineCodeTable([
  { code: 'PAID', label: '已发放' },
  { code: 'PENDING', label: '待发放' },
  { code: 'SUSPENDED', label: '暂停发放' },
]);
export type PaymentStatus = CodeOf<typeof PaymentStatuses>;

/** 劳动能力鉴定类别. */
export const AppraisalKinds = defineCodeTable([
  { code: 'WORK_RELATED', label: '因工' },
  { code: 'NON_WORK_RELATED', label: '非因工' },
]);
export type AppraisalKind = CodeOf<typeof AppraisalKinds>;
