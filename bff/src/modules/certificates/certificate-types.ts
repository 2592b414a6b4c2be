// What the caller can issue now, and why not (the 证明 tab greys out the rest with the reason).
import { CertificateTypes, ISSUABLE_CERTIFICATE_TYPES, type CertificateTypeOption } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'

const BRIEF: Record<(typeof ISSUABLE_CERTIFICATE_TYPES)[number], string> = {
  PERSON_INSURANCE: '选择证明期间并填写用途，列明参保险种、参保单位和逐月缴费情况',
  PERSON_PAYMENT_VOUCHER: '按险种出具历年缴费情况（办理关系转移等使用）',
  PENSION_ASSESSMENT: '退休人员的基本养老金核定项目和标准',
  BENEFIT_RECEIPT: '证明按月领取养老金等社会保险待遇及发放情况',
  RETIREMENT: '证明已办理退休手续（仅退休人员）',
  UNIT_INSURANCE: '选择险种、时间和人员，出具单位参保缴费人员证明（每页20人）',
  UNIT_PENSION_VOUCHER: '为本单位职工出具基本养老保险参保缴费凭证'
}

export async function listCertificateTypes(db: PrismaClient, actor: AuthContext): Promise<{ items: CertificateTypeOption[] }> {
  const subject = actor.role === 'person' ? 'PERSON' : actor.role === 'unit' ? 'UNIT' : null
  if (!subject) return { items: [] }
  const reasons = new Map<string, string>()
  if (subject === 'PERSON' && actor.personId !== undefined) {
    const [person, enrolments, payments] = await Promise.all([
      db.person.findUnique({ where: { id: actor.personId }, select: { status: true } }),
      db.enrolment.count({ where: { personId: actor.personId } }),
      db.benefitPayment.count({ where: { personId: actor.personId } })
    ])
    if (!enrolments) {
      reasons.set('PERSON_INSURANCE', '未查询到您的参保信息')
      reasons.set('PERSON_PAYMENT_VOUCHER', '未查询到您的参保信息')
    }
    if (person?.status !== 'RETIRED') {
      reasons.set('PENSION_ASSESSMENT', '仅退休人员可打印')
      reasons.set('RETIREMENT', '仅退休人员可开具')
    }
    if (!payments) reasons.set('BENEFIT_RECEIPT', '暂无待遇发放记录')
  }
  if (subject === 'UNIT' && actor.unitId !== undefined) {
    const settled = await db.unitInsurance.count({ where: { unitId: actor.unitId, lastSettledPeriod: { not: null } } })
    if (!settled) reasons.set('UNIT_INSURANCE', '本单位暂无已核定的参保险种')
  }
  const items = ISSUABLE_CERTIFICATE_TYPES.filter((t) => CertificateTypes.get(t)?.subject === subject).map((t): CertificateTypeOption => {
    const reason = reasons.get(t)
    return { type: t, label: CertificateTypes.label(t), subject, available: !reason, ...(reason ? { reason } : {}), brief: BRIEF[t] }
  })
  return { items }
}
