// THE error catalogue: every error the API can answer with is a code here, mapped to an HTTP status and the
// Chinese message the user sees. Modules add their domain codes below (one section per module) and throw
// `new AppError('CODE', { field?, detail? })`. Responses never carry stacks or internal details; `cause` is logged.
//
// Message templates may use {field} (the Chinese label of `field`) and {detail} (the `detail` option).
// If a template has no {detail} placeholder and a detail is given, it is appended after "：".

export interface ErrorDefinition {
  status: number
  message: string
}

export const errorCatalogue = {
  // ── generic (http layer) ──────────────────────────────────────────────────────────────────────────────
  VALIDATION_FAILED: { status: 400, message: '请求参数有误：{field}{detail}' },
  BAD_REQUEST: { status: 400, message: '请求格式有误' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  FORBIDDEN: { status: 403, message: '无权进行此操作' },
  NOT_FOUND: { status: 404, message: '记录不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持的请求方式' },
  CONFLICT: { status: 409, message: '数据已发生变化，请刷新后重试' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '同一幂等键对应了不同的请求内容' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用，请稍后再试' },

  // ── identity ──
  ACTIVATION_MISMATCH: { status: 400, message: '姓名或证件号码有误，未查询到待开通的电子社保卡' },
  ESSC_ALREADY_ACTIVE: { status: 409, message: '电子社保卡已开通，请直接登录' },
  ESSC_NOT_AVAILABLE: { status: 409, message: '暂不能开通电子社保卡，请联系社保经办机构' },
  SMS_CODE_INCORRECT: { status: 400, message: '短信验证码错误{detail}' },
  SMS_CODE_EXPIRED: { status: 400, message: '短信验证码已失效，请重新获取' },
  ACTIVATION_EXPIRED: { status: 400, message: '开通操作已超时，请重新开通' },
  PIN_WEAK: { status: 400, message: '电子社保卡密码过于简单：{detail}' },
  PIN_INCORRECT: { status: 400, message: '原密码错误{detail}' },
  PIN_UNCHANGED: { status: 400, message: '新密码不能与原密码相同' },
  SIGN_IN_FAILED: { status: 401, message: '证件号码或密码错误{detail}' },
  ACCOUNT_LOCKED: { status: 423, message: '密码错误次数过多，账户已锁定，请{detail}分钟后再试' },
  SESSION_INVALID: { status: 401, message: '登录已失效，请重新登录' },
  LOGIN_TICKET_EXPIRED: { status: 410, message: '二维码已过期，请在电脑上刷新二维码' },
  LOGIN_TICKET_TAKEN: { status: 409, message: '该二维码已被其他手机扫描' },
  LOGIN_TICKET_USED: { status: 409, message: '该二维码已使用，请在电脑上刷新二维码' },
  LOGIN_TICKET_CANCELLED: { status: 409, message: '该登录请求已取消，请在电脑上刷新二维码' },
  LOGIN_TICKET_NOT_SCANNED: { status: 409, message: '请先用手机扫描电脑上的二维码' },
  LOGIN_TICKET_NOT_CONFIRMED: { status: 409, message: '请在手机上确认登录' },
  NOT_A_CLERK: { status: 403, message: '您不是任何单位的授权经办人，无法进行单位登录' },
  UNIT_NOT_AUTHORISED: { status: 404, message: '单位不存在或您不是该单位的授权经办人' },
  // ── person / unit ──
  // ── cases / matters ──
  MATTER_NOT_FOUND: { status: 404, message: '事项不存在' },
  MATTER_NOT_FOR_ROLE: { status: 403, message: '当前登录身份不能办理该事项' },
  TERMS_NOT_ACCEPTED: { status: 400, message: '请先阅读服务说明并勾选同意' },
  CASE_NOT_EDITABLE: { status: 409, message: '该业务当前状态为{detail}，不能修改' },
  CASE_NOT_SUBMITTABLE: { status: 409, message: '该业务当前状态为{detail}，不能提交' },
  CASE_NOT_WITHDRAWABLE: { status: 409, message: '该业务当前状态为{detail}，不能撤销' },
  CASE_IN_FLIGHT: { status: 409, message: '有在途申请的记录，不允许申请新的变更' },
  CASE_NO_ITEMS: { status: 400, message: '请先添加并校验需要办理的人员' },
  CASE_ITEMS_INVALID: { status: 400, message: '存在校验未通过的信息：{detail}' },
  CASE_FORM_INVALID: { status: 400, message: '表单信息有误：{detail}' },
  CASE_MODE_NOT_SUPPORTED: { status: 400, message: '该事项不支持{detail}' },
  CASE_TOO_MANY_ITEMS: { status: 400, message: '一笔业务最多{detail}条明细，请分批办理' },
  MATERIALS_MISSING: { status: 400, message: '附件材料不全：{detail}' },
  MATERIAL_SLOT_UNKNOWN: { status: 400, message: '该事项没有此项材料' },
  MATERIAL_SLOT_FULL: { status: 409, message: '该项材料最多上传{detail}张' },
  RULE_VIOLATION: { status: 422, message: '不符合办理条件：{detail}' },
  CLERK_CHANGE_NEEDS_LEGAL_REP: { status: 403, message: '单位经办人变更须由单位法定代表人登录办理（必须用法人账号登录）' },
  BATCH_FILE_INVALID: { status: 400, message: '报盘文件不符合模板要求：{detail}' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '相同的请求正在处理中，请稍后查看办件记录' },
  // ── contributions ──
  POLICY_NOT_FOUND: { status: 404, message: '未找到{detail}的缴费政策参数' },
  POLICY_NOT_PUBLISHED: { status: 409, message: '{detail}的缴费政策参数尚未公布，暂不能办理' },
  DECLARATION_NOT_CURRENT_MONTH: { status: 409, message: '当月只能申报当月（{detail}），不能申报其他月份' },
  DECLARATION_ARREARS: { status: 409, message: '该单位的最大做账期号不等于上一月或者当前月！存在未缴费月份，请先办理补缴申报（{detail}）' },
  WAGES_NOT_DECLARED: { status: 409, message: '从7月1日起，须先完成{detail}社保年度职工缴费工资申报后，方可办理单位缴费申报业务' },
  DECLARATION_EXISTS: { status: 409, message: '{detail}已申报，如需重新申报请先撤销申报' },
  DECLARATION_EMPTY: { status: 409, message: '不能申报：{detail}' },
  DECLARATION_NOT_REVOCABLE: { status: 409, message: '不能撤销申报：{detail}' },
  BILL_NOT_ISSUABLE: { status: 409, message: '不能开具应缴认定单：{detail}' },
  BILL_NOT_REVOCABLE: { status: 409, message: '不能撤销或重新生成该单据：{detail}' },
  BILL_NOT_PAYABLE: { status: 409, message: '不能办理到账：{detail}' },
  BACK_DECLARATION_OUT_OF_RANGE: { status: 409, message: '网上只能补缴当前月份以前3个月的社保费（{detail}）；补缴三个月前以前的社保费需要向社保经办机构提交相关资料进行行政审批' },
  BACK_DECLARATION_NOT_NEXT: { status: 409, message: '存在更早的未缴费月份，请按月依次补缴（{detail}）' },
  REFUND_ACCOUNT_MISSING: { status: 409, message: '单位不存在退收银行账号，不能办理多缴退费；请先在单位一般信息变更中添加退款银行账户' },
  WAGE_DECLARATION_WINDOW_CLOSED: { status: 409, message: '年度缴费工资申报时限为每年4月1日至6月30日，当前不在申报期内{detail}' },
  // ── certificates ──
  CERTIFICATE_NOT_ELIGIBLE: { status: 400, message: '暂不能开具该证明：{detail}' },
  CERTIFICATE_NO_DATA: { status: 400, message: '没有可以证明的内容：{detail}' },
  CERTIFICATE_ALREADY_REVOKED: { status: 409, message: '该证明已作废' },
  // ── media ──
  MEDIA_NO_FILE: { status: 400, message: '请选择要上传的图片' },
  MEDIA_TOO_LARGE: { status: 413, message: '文件大小不能超过5M' },
  MEDIA_TYPE_NOT_ALLOWED: { status: 415, message: '仅支持JPG、JPEG、PNG格式的图片' },
  MEDIA_PIXELS_TOO_MANY: { status: 413, message: '图片像素过大，请压缩后重新上传' },
  MEDIA_IMAGE_INVALID: { status: 400, message: '图片文件已损坏或无法识别，请重新选择' },
  // ── review ──
  REVIEW_NOT_PENDING: { status: 409, message: '该业务当前状态为{detail}，不是待审核状态' },
} as const satisfies Record<string, ErrorDefinition>

export type ErrorCode = keyof typeof errorCatalogue

export interface AppErrorOptions {
  /** Machine path of the offending input field (e.g. `staff.2.idNumber`); echoed as `error.field`. */
  field?: string
  /** User-facing Chinese detail/reason, substituted into {detail} (or appended). Must not contain secrets. */
  detail?: string
  /** Replace the catalogue message entirely (Chinese, user-facing). */
  message?: string
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>
  /** Small JSON-safe, user-safe extra data for the client (e.g. which warnings can be overridden). */
  meta?: Record<string, unknown>
  /** Internal cause: logged, never sent. */
  cause?: unknown
}

export class AppError extends Error {
  override name = 'AppError'
  readonly code: ErrorCode
  readonly status: number
  readonly field?: string
  readonly detail?: string
  readonly headers?: Record<string, string>
  readonly meta?: Record<string, unknown>
  /** Always true: the message is written for the user. */
  readonly expose = true

  constructor(code: ErrorCode, opts: AppErrorOptions = {}) {
    const def: ErrorDefinition = errorCatalogue[code]
    super(opts.message ?? renderMessage(def.message, opts.field, opts.detail), { cause: opts.cause })
    this.code = code
    this.status = def.status
    if (opts.field !== undefined) this.field = opts.field
    if (opts.detail !== undefined) this.detail = opts.detail
    if (opts.headers !== undefined) this.headers = opts.headers
    if (opts.meta !== undefined) this.meta = opts.meta
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError
}

function renderMessage(template: string, field: string | undefined, detail: string | undefined): string {
  let out = template.replace('{field}', field !== undefined ? fieldLabel(field) : '')
  if (out.includes('{detail}')) out = out.replace('{detail}', detail ?? '')
  else if (detail) out = `${out}：${detail}`
  // A VALIDATION_FAILED without field and detail would end in "：".
  return out.replace(/：$/, '')
}

// ── Field labels: machine path → the Chinese name a user recognises ─────────────────────────────────────────
// Kept small and generic here; modules may register their own with `registerFieldLabels`.
const fieldLabels = new Map<string, string>(
  Object.entries({
    name: '姓名',
    personName: '姓名',
    idNumber: '证件号码',
    idNo: '证件号码',
    idType: '证件类型',
    phone: '手机号码',
    mobile: '手机号码',
    smsCode: '短信验证码',
    pin: '密码',
    newPin: '新密码',
    password: '密码',
    username: '用户名',
    unitId: '单位',
    unitName: '单位名称',
    unitCode: '单位编号',
    creditCode: '统一社会信用代码',
    personId: '人员',
    period: '所属期',
    startPeriod: '开始年月',
    endPeriod: '结束年月',
    year: '年度',
    month: '月份',
    insuranceType: '险种',
    insuranceTypes: '险种',
    amount: '金额',
    wage: '工资',
    base: '缴费基数',
    contributionBase: '缴费基数',
    reason: '原因',
    reasonCode: '原因',
    remark: '备注',
    bankAccount: '银行账号',
    bankName: '开户银行',
    accountName: '户名',
    purpose: '用途',
    matterCode: '事项',
    caseId: '业务',
    date: '日期',
    startDate: '开始日期',
    endDate: '结束日期',
    page: '页码',
    pageSize: '每页条数',
    file: '文件',
    materials: '材料',
    staff: '人员名单',
    items: '明细',
    rows: '明细'
  })
)

export function registerFieldLabels(labels: Record<string, string>): void {
  for (const [k, v] of Object.entries(labels)) fieldLabels.set(k, v)
}

/** `staff.2.idNumber` → `第3项证件号码`; unknown keys are shown as-is. */
export function fieldLabel(path: string | ReadonlyArray<PropertyKey>): string {
  const segments = typeof path === 'string' ? path.split('.').filter(Boolean) : path
  let index = ''
  let last: string | undefined
  for (const seg of segments) {
    if (typeof seg === 'number' || (typeof seg === 'string' && /^\d+$/.test(seg))) index = `第${Number(seg) + 1}项`
    else if (typeof seg === 'string') last = seg
  }
  if (last === undefined) return index
  return index + (fieldLabels.get(last) ?? last)
}

// ── Response body ──────────────────────────────────────────────────────────────────────────────────────────
export interface ErrorBody {
  error: {
    code: string
    message: string
    field?: string
    requestId: string
    meta?: Record<string, unknown>
  }
}

export function errorBody(err: AppError, requestId: string): ErrorBody {
  const body: ErrorBody = { error: { code: err.code, message: err.message, requestId } }
  if (err.field !== undefined) body.error.field = err.field
  if (err.meta !== undefined) body.error.meta = err.meta
  return body
}
