/**
 * Identity endpoints: e-SSC activation (待开通) and PIN sign-in on the phone, reviewer sign-in, sessions
 * (refresh rotation, logout, me), the card (我的 → 电子社保卡), scan-code login for the PC web hall
 * (扫码登录: PC ticket → phone scan/confirm → PC redeem), and the unit's clerk list.
 *
 * Conventions the clients rely on:
 * - Every sign-in (PIN, reviewer, activation complete, ticket redeem, refresh) answers `SessionTokens`.
 *   Send `Authorization: Bearer <accessToken>`; refresh before `expiresIn` runs out with `POST /api/auth/refresh`
 *   (the refresh token is single-use: store the new pair every time; presenting an old one signs the session out).
 * - Personal data in responses is masked (张*, 420***********1234, 138****5678) unless a reveal is asked for.
 * - Errors are the common `ErrorBody`; branch on `error.code` (the BFF's catalogue), show `error.message`.
 *   Identity codes: ACTIVATION_MISMATCH, ESSC_ALREADY_ACTIVE, ESSC_NOT_AVAILABLE, SMS_CODE_INCORRECT,
 *   SMS_CODE_EXPIRED, ACTIVATION_EXPIRED, PIN_WEAK, PIN_INCORRECT, PIN_UNCHANGED, SIGN_IN_FAILED, ACCOUNT_LOCKED,
 *   SESSION_INVALID, LOGIN_TICKET_EXPIRED, LOGIN_TICKET_TAKEN, LOGIN_TICKET_USED, LOGIN_TICKET_CANCELLED,
 *   LOGIN_TICKET_NOT_SCANNED, LOGIN_TICKET_NOT_CONFIRMED, NOT_A_CLERK, UNIT_NOT_AUTHORISED, RATE_LIMITED.
 * - The PC side of scan-code login is bound to the creating browser by an httpOnly cookie set by
 *   `POST /api/auth/login-tickets` (path-scoped to that ticket): events, long-poll and redeem answer 404 without
 *   it, so call them with `credentials: 'include'` (same-origin fetch sends it by default).
 */
import { z } from 'zod';
import { LOGIN_TICKET_TTL_SECONDS, PIN_LENGTH } from '../rules';
import { CardStatuses, LoginTargets, LoginTicketStates, Roles } from '../codes/status';
import { codeSchema, IdNumberSchema, InstantSchema } from './common';
import { defineRoutes } from './route';

// ── field schemas ───────────────────────────────────────────────────────────────────────────

/** Alphabet of the 8-character typed fallback code: no 0/O, 1/I/L, so it reads and types unambiguously. */
export const LOGIN_SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LOGIN_SHORT_CODE_LENGTH = 8;

/** What the user typed ("abcd-efgh", "ABCD EFGH") → "ABCDEFGH". */
export function normalizeLoginShortCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** A typed short code, normalised; the message says what is wrong. */
export const LoginShortCodeSchema = z
  .string('请输入登录码')
  .transform(normalizeLoginShortCode)
  .pipe(
    z
      .string()
      .length(LOGIN_SHORT_CODE_LENGTH, `须为${LOGIN_SHORT_CODE_LENGTH}位字母或数字`)
      .regex(new RegExp(`^[${LOGIN_SHORT_CODE_ALPHABET}]+$`), '含有无效字符'),
  );

/** 6-digit e-SSC PIN (电子社保卡密码). Weakness is checked by the BFF with the holder's data (checkPin). */
export const PinSchema = z.string('请输入密码').regex(new RegExp(`^\\d{${PIN_LENGTH}}$`), `须为${PIN_LENGTH}位数字`);

export const PersonNameSchema = z.string('请输入姓名').trim().min(1, '不能为空').max(64, '过长');

/** 登录方式: PERSON 个人登录 / UNIT 单位登录. */
export const LoginTargetSchema = codeSchema(LoginTargets, '登录方式');

/** PENDING 待扫码 → SCANNED 已扫码待确认 → CONFIRMED 已确认 → CONSUMED 已登录; CANCELLED 已取消; EXPIRED 已过期. */
export const LoginTicketStateSchema = codeSchema(LoginTicketStates, '二维码状态');

export const AuthRoleSchema = codeSchema(Roles, '角色').describe('PERSON 参保人 / UNIT 单位经办人 / REVIEWER 中心审核');

const TicketIdParams = z.object({ id: z.uuid('二维码无效') });

// ── who is signed in ────────────────────────────────────────────────────────────────────────

export const MaskedPerson = z.object({
  id: z.number().int(),
  name: z.string().describe('姓名（脱敏，如 张*）'),
  idNumber: z.string().describe('证件号码（脱敏，如 420***********1234）'),
});
export type MaskedPerson = z.infer<typeof MaskedPerson>;

export const UnitRef = z.object({
  id: z.number().int(),
  unitNo: z.string().describe('单位编号'),
  name: z.string().describe('单位名称'),
});
export type UnitRef = z.infer<typeof UnitRef>;

export const ReviewerRef = z.object({ id: z.number().int(), username: z.string(), name: z.string() });

/** The signed-in user: person for PERSON; person (the clerk) + unit for UNIT; reviewer for REVIEWER. */
export const AuthUser = z.object({
  role: AuthRoleSchema,
  person: MaskedPerson.optional(),
  unit: UnitRef.optional(),
  reviewer: ReviewerRef.optional(),
});
export type AuthUser = z.infer<typeof AuthUser>;

/** Answer of every sign-in, of activation complete, ticket redeem and refresh. */
export const SessionTokens = z.object({
  accessToken: z.string().describe('ES256 JWT，放在 Authorization: Bearer 中'),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('访问令牌有效秒数（900）'),
  refreshToken: z.string().describe('刷新令牌：一次性，每次刷新换新'),
  refreshExpiresAt: InstantSchema.describe('会话（刷新令牌）到期时间'),
  role: AuthRoleSchema,
  user: AuthUser,
});
export type SessionTokens = z.infer<typeof SessionTokens>;

export const CardStatusSchema = codeSchema(CardStatuses, '电子社保卡状态').describe('PENDING 待开通 / ACTIVE 已开通 / REVOKED 已注销');

/** The e-SSC as 我的 shows it. */
export const CardSummary = z.object({
  cardNo: z.string().describe('社保卡号（默认脱敏）'),
  issueLevel: z.string().describe('签发级别'),
  status: CardStatusSchema,
  issuer: z.string().describe('签发渠道：local 本地签发；national 全国电子社保卡渠道'),
  activatedAt: InstantSchema.nullable(),
});
export type CardSummary = z.infer<typeof CardSummary>;

export const MeResponse = AuthUser.extend({
  card: CardSummary.nullable().optional().describe('PERSON/UNIT：本人的电子社保卡（脱敏）'),
  sessionExpiresAt: InstantSchema,
});
export type MeResponse = z.infer<typeof MeResponse>;

export const CardResponse = CardSummary.extend({
  holder: z.object({ name: z.string(), idNumber: z.string() }),
  revealed: z.boolean().describe('true：卡号、姓名、证件号码为明文（?reveal=1）'),
});
export type CardResponse = z.infer<typeof CardResponse>;

// ── activation (待开通) ──────────────────────────────────────────────────────────────────────

export const StartActivationBody = z.object({ name: PersonNameSchema, idNumber: IdNumberSchema });
export type StartActivationBody = z.input<typeof StartActivationBody>;
export const StartActivationResponse = z.object({
  challengeId: z.uuid(),
  phoneMasked: z.string().describe('接收验证码的手机号（脱敏）'),
  expiresInSeconds: z.number().int().describe('验证码有效秒数（300）'),
  maxAttempts: z.number().int().describe('最多可尝试次数（5）'),
});
export type StartActivationResponse = z.infer<typeof StartActivationResponse>;

export const VerifyActivationBody = z.object({
  challengeId: z.uuid('验证码已失效，请重新获取'),
  smsCode: z.string('请输入短信验证码').regex(/^\d{6}$/, '须为6位数字'),
});
export type VerifyActivationBody = z.input<typeof VerifyActivationBody>;
export const VerifyActivationResponse = z.object({
  activationToken: z.string().describe('设置密码用的一次性凭证'),
  expiresInSeconds: z.number().int(),
});
export type VerifyActivationResponse = z.infer<typeof VerifyActivationResponse>;

export const CompleteActivationBody = z.object({ activationToken: z.string('开通凭证缺失').min(1).max(2048), pin: PinSchema });
export type CompleteActivationBody = z.input<typeof CompleteActivationBody>;

// ── sign-in / sessions ──────────────────────────────────────────────────────────────────────

export const PinSignInBody = z.object({ idNumber: IdNumberSchema, pin: PinSchema });
export type PinSignInBody = z.input<typeof PinSignInBody>;

export const ReviewerSignInBody = z.object({
  username: z.string('请输入用户名').trim().min(1, '不能为空').max(64, '过长'),
  password: z.string('请输入密码').min(1, '不能为空').max(256, '过长'),
});
export type ReviewerSignInBody = z.input<typeof ReviewerSignInBody>;

export const RefreshBody = z.object({ refreshToken: z.string('刷新令牌缺失').min(1).max(256) });
export type RefreshBody = z.input<typeof RefreshBody>;

export const SignOutResponse = z.object({ signedOut: z.literal(true) });

export const CardQuery = z.object({
  reveal: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true')
    .describe('1：显示明文（小眼睛）'),
});

export const ChangePinBody = z.object({ oldPin: PinSchema, newPin: PinSchema });
export type ChangePinBody = z.input<typeof ChangePinBody>;
export const ChangePinResponse = z.object({
  changedAt: InstantSchema,
  otherSessionsSignedOut: z.number().int().describe('因修改密码而退出的其他登录'),
});

// ── scan-code login (扫码登录) ──────────────────────────────────────────────────────────────

export const CreateLoginTicketBody = z.object({ target: LoginTargetSchema });
export type CreateLoginTicketBody = z.input<typeof CreateLoginTicketBody>;

/** A ticket's state as the PC sees it (long-poll answer, and the `data` of each SSE `state` event). */
export const LoginTicketStatus = z.object({
  ticketId: z.uuid(),
  target: LoginTargetSchema,
  state: LoginTicketStateSchema,
  /** Increases by one on every transition (compare-and-set counter); SSE event id. */
  version: z.number().int(),
  expiresAt: InstantSchema,
});
export type LoginTicketStatus = z.infer<typeof LoginTicketStatus>;

export const CreateLoginTicketResponse = LoginTicketStatus.extend({
  shortCode: z.string().describe(`${LOGIN_SHORT_CODE_LENGTH}位登录码（手机上手动输入）`),
  qrContent: z.string().describe('二维码内容：手机确认页的地址'),
  ttlSeconds: z.number().int().describe(`有效秒数（${LOGIN_TICKET_TTL_SECONDS}）`),
});
export type CreateLoginTicketResponse = z.infer<typeof CreateLoginTicketResponse>;

export const LoginTicketPollQuery = z.object({
  after: z.coerce.number().int().min(-1).default(-1).describe('已知的 version：有更新（version 更大）时立即返回'),
  wait: z.coerce.number().int().min(0).max(25).default(25).describe('最长等待秒数（≤ 25）'),
});

export const ScanLoginTicketBody = z
  .object({ ticketId: z.uuid('二维码无效').optional(), shortCode: LoginShortCodeSchema.optional() })
  .refine((b) => (b.ticketId === undefined) !== (b.shortCode === undefined), {
    message: '请扫描二维码或输入登录码',
    path: ['ticketId'],
  });
export type ScanLoginTicketBody = z.input<typeof ScanLoginTicketBody>;

export const ScanLoginTicketResponse = LoginTicketStatus.extend({
  requester: z.object({
    browser: z.string().describe('如 Chrome 126'),
    os: z.string().describe('如 Windows 10'),
    ip: z.string().describe('发起登录的电脑的 IP'),
    createdAt: InstantSchema,
  }),
  system: z.string().describe('请求登录的系统'),
  units: z.array(UnitRef).describe('单位登录：本人获授权的单位（只含这些）；个人登录为空'),
});
export type ScanLoginTicketResponse = z.infer<typeof ScanLoginTicketResponse>;

export const ConfirmLoginTicketBody = z.object({ unitId: z.number('请选择单位').int().positive().optional() }).default({});
export type ConfirmLoginTicketBody = z.input<typeof ConfirmLoginTicketBody>;

// ── unit clerks (登陆授权信息) ───────────────────────────────────────────────────────────────

export const UnitClerkRow = z.object({
  id: z.number().int(),
  name: z.string().describe('姓名（脱敏）'),
  idNumber: z.string().describe('证件号码（脱敏）'),
  phone: z.string().describe('手机号码（脱敏）'),
  department: z.string().nullable(),
  authorizedAt: InstantSchema,
  isMe: z.boolean(),
});
export type UnitClerkRow = z.infer<typeof UnitClerkRow>;
export const UnitClerksResponse = z.object({ unit: UnitRef, items: z.array(UnitClerkRow) });
export type UnitClerksResponse = z.infer<typeof UnitClerksResponse>;

// ── routes ──────────────────────────────────────────────────────────────────────────────────

export const authRoutes = defineRoutes([
  // e-SSC activation and sign-in (phone)
  {
    method: 'POST', path: '/api/auth/essc/activation', summary: '电子社保卡开通：核验姓名与证件号码，发送短信验证码', tag: 'auth', auth: 'none',
    request: { body: StartActivationBody }, response: StartActivationResponse,
  },
  {
    method: 'POST', path: '/api/auth/essc/activation/verify', summary: '电子社保卡开通：校验短信验证码', tag: 'auth', auth: 'none',
    request: { body: VerifyActivationBody }, response: VerifyActivationResponse,
  },
  {
    method: 'POST', path: '/api/auth/essc/activation/complete', summary: '电子社保卡开通：设置6位密码并登录', tag: 'auth', auth: 'none',
    request: { body: CompleteActivationBody }, response: SessionTokens,
  },
  {
    method: 'POST', path: '/api/auth/essc/sign-in', summary: '电子社保卡登录（证件号码 + 密码）', tag: 'auth', auth: 'none',
    request: { body: PinSignInBody }, response: SessionTokens,
  },
  {
    method: 'POST', path: '/api/auth/reviewer/sign-in', summary: '中心审核人员登录', tag: 'auth', auth: 'none',
    request: { body: ReviewerSignInBody }, response: SessionTokens,
  },
  // sessions
  {
    method: 'POST', path: '/api/auth/refresh', summary: '刷新登录（轮换刷新令牌）', tag: 'auth', auth: 'none',
    request: { body: RefreshBody }, response: SessionTokens,
  },
  { method: 'POST', path: '/api/auth/logout', summary: '退出登录（注销本会话）', tag: 'auth', auth: 'any', response: SignOutResponse },
  { method: 'GET', path: '/api/auth/me', summary: '当前登录用户', tag: 'auth', auth: 'any', response: MeResponse },
  // the card
  {
    method: 'GET', path: '/api/me/card', summary: '我的电子社保卡（默认脱敏，reveal=1 显示明文）', tag: 'auth', auth: 'person',
    request: { query: CardQuery }, response: CardResponse,
  },
  {
    method: 'POST', path: '/api/me/card/pin', summary: '修改电子社保卡密码', tag: 'auth', auth: 'person',
    request: { body: ChangePinBody }, response: ChangePinResponse,
  },
  // scan-code login: PC side (bound to the creating browser by the ticket cookie)
  {
    method: 'POST', path: '/api/auth/login-tickets', summary: '扫码登录：电脑端创建登录二维码', tag: 'auth', auth: 'none',
    request: { body: CreateLoginTicketBody }, response: CreateLoginTicketResponse, status: 201,
  },
  {
    method: 'GET', path: '/api/auth/login-tickets/:id/events', summary: '扫码登录：状态推送（SSE，event: state，data 为 LoginTicketStatus）', tag: 'auth', auth: 'none',
    request: { params: TicketIdParams }, response: LoginTicketStatus, contentType: 'text/event-stream',
  },
  {
    method: 'GET', path: '/api/auth/login-tickets/:id', summary: '扫码登录：状态长轮询（SSE 不可用时）', tag: 'auth', auth: 'none',
    request: { params: TicketIdParams, query: LoginTicketPollQuery }, response: LoginTicketStatus,
  },
  {
    method: 'POST', path: '/api/auth/login-tickets/:id/redeem', summary: '扫码登录：电脑端换取登录令牌（仅一次）', tag: 'auth', auth: 'none',
    request: { params: TicketIdParams }, response: SessionTokens,
  },
  // scan-code login: phone side
  {
    method: 'POST', path: '/api/auth/login-tickets/scan', summary: '扫码登录：手机扫码（或输入登录码）', tag: 'auth', auth: 'person',
    request: { body: ScanLoginTicketBody }, response: ScanLoginTicketResponse,
  },
  {
    method: 'POST', path: '/api/auth/login-tickets/:id/confirm', summary: '扫码登录：手机确认登录（单位登录须选择单位）', tag: 'auth', auth: 'person',
    request: { params: TicketIdParams, body: ConfirmLoginTicketBody }, response: LoginTicketStatus,
  },
  {
    method: 'POST', path: '/api/auth/login-tickets/:id/cancel', summary: '扫码登录：手机取消登录', tag: 'auth', auth: 'person',
    request: { params: TicketIdParams }, response: LoginTicketStatus,
  },
  // the unit's clerks
  { method: 'GET', path: '/api/unit/clerks', summary: '本单位授权经办人', tag: 'unit', auth: 'unit', response: UnitClerksResponse },
]);
