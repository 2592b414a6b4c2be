// 单位一般信息变更登记 (§3.3.9): instant ("表示业务办理成功"). Contact details, clerks (add / modify / remove) and
// bank accounts bound to insurance types (R22, R23; refund accounts are where 多缴退费 is paid, R004-31).
// Clerk changes need the legal representative's own login (seed 004 FAQ31 "必须用法人账号登录"; FAQ30: only the
// social-insurance system's clerk list changes here); a unit keeps at least one clerk. Removing a clerk ends their
// sessions for this unit at once.
import {
  BankCategories,
  InsuranceTypes,
  UNIT_CONTACT_FIELDS,
  changeTable,
  maskBankAccount,
  maskIdNumber,
  maskPhone,
  type ChangeRow,
  type RowIssue,
  type UnitInfoChangeForm
} from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import { revokeSession } from '../identity/sessions.ts'
import type { CheckContext, EffectContext, MatterHandler } from './types.ts'

type Form = UnitInfoChangeForm

function touchesClerks(f: Form): boolean {
  return (f.clerks?.add?.length ?? 0) + (f.clerks?.modify?.length ?? 0) + (f.clerks?.remove?.length ?? 0) > 0
}

async function checkForm(ctx: CheckContext, raw: Record<string, unknown>): Promise<RowIssue[]> {
  const unit = ctx.unit
  if (!unit) throw new AppError('MATTER_NOT_FOR_ROLE')
  const f = raw as Form
  const issues: RowIssue[] = []
  if (touchesClerks(f)) {
    const me = ctx.actor.personId
      ? await ctx.db.person.findUnique({ where: { id: ctx.actor.personId }, select: { idNumber: true } })
      : null
    if (!me || me.idNumber !== unit.legalRepIdNumber) throw new AppError('CLERK_CHANGE_NEEDS_LEGAL_REP')
    const clerks = await ctx.db.unitClerk.findMany({ where: { unitId: unit.id, active: true, revokedAt: null }, select: { id: true, idNumber: true } })
    const activeIds = new Set(clerks.map((c) => c.id))
    for (const m of f.clerks?.modify ?? []) if (!activeIds.has(m.id)) issues.push({ field: 'clerks.modify', column: '单位经办人信息', reason: '要修改的经办人不存在' })
    for (const id of f.clerks?.remove ?? []) if (!activeIds.has(id)) issues.push({ field: 'clerks.remove', column: '单位经办人信息', reason: '要删除的经办人不存在' })
    const activeIdNumbers = new Set(clerks.map((c) => c.idNumber))
    for (const a of f.clerks?.add ?? []) {
      if (activeIdNumbers.has(a.idNumber)) issues.push({ field: 'clerks.add', column: '单位经办人信息', reason: `经办人${a.name}已是本单位经办人` })
    }
    const removed = new Set(f.clerks?.remove ?? [])
    if (clerks.filter((c) => !removed.has(c.id)).length + (f.clerks?.add?.length ?? 0) === 0) {
      issues.push({ field: 'clerks.remove', column: '单位经办人信息', reason: '单位至少保留一名经办人' })
    }
  }
  const b = f.bankAccounts
  if (b) {
    const accounts = await ctx.db.bankAccount.findMany({ where: { unitId: unit.id, active: true }, select: { id: true, accountNumber: true, purpose: true } })
    const ids = new Set(accounts.map((a) => a.id))
    for (const m of b.modify ?? []) if (!ids.has(m.id)) issues.push({ field: 'bankAccounts.modify', column: '银行账户信息', reason: '要修改的银行账户不存在' })
    for (const id of b.remove ?? []) if (!ids.has(id)) issues.push({ field: 'bankAccounts.remove', column: '银行账户信息', reason: '要删除的银行账户不存在' })
    const existing = new Set(accounts.map((a) => `${a.purpose}:${a.accountNumber}`))
    const seen = new Set<string>()
    for (const a of b.add ?? []) {
      const k = `${a.purpose}:${a.accountNumber}`
      if (existing.has(k) || seen.has(k)) issues.push({ field: 'bankAccounts.add', column: '银行账号', reason: `银行账号${maskBankAccount(a.accountNumber)}已登记` })
      seen.add(k)
    }
  }
  return issues
}

async function snapshotForm(ctx: CheckContext, raw: Record<string, unknown>): Promise<Record<string, unknown>> {
  const unit = ctx.unit as NonNullable<CheckContext['unit']>
  const f = raw as Form
  const u = await ctx.db.unit.findUniqueOrThrow({
    where: { id: unit.id },
    select: { address: true, postalCode: true, contactName: true, contactPhone: true, contactEmail: true }
  })
  const clerkIds = [...(f.clerks?.modify ?? []).map((m) => m.id), ...(f.clerks?.remove ?? [])]
  const bankIds = [...(f.bankAccounts?.modify ?? []).map((m) => m.id), ...(f.bankAccounts?.remove ?? [])]
  const clerks = clerkIds.length
    ? await ctx.db.unitClerk.findMany({ where: { id: { in: clerkIds }, unitId: unit.id }, select: { id: true, name: true, idNumber: true, phone: true, department: true, email: true } })
    : []
  const banks = bankIds.length
    ? await ctx.db.bankAccount.findMany({
        where: { id: { in: bankIds }, unitId: unit.id },
        select: { id: true, purpose: true, bankCategory: true, bankName: true, accountName: true, accountNumber: true, insuranceTypes: true }
      })
    : []
  return { contact: u, clerks, bankAccounts: banks }
}

const types = (v: unknown) => (Array.isArray(v) ? v.map((t) => InsuranceTypes.byCode[t as 'PENSION']?.shortLabel ?? String(t)).join('、') : '')
const clerkText = (c: { name?: unknown; idNumber?: unknown; phone?: unknown; department?: unknown }) =>
  [c.name, c.idNumber ? maskIdNumber(String(c.idNumber)) : '', c.phone ? maskPhone(String(c.phone)) : '', c.department ?? ''].filter(Boolean).join(' ')
const bankText = (a: Record<string, unknown>) =>
  [BankCategories.label(String(a['bankCategory'] ?? '')), a['bankName'], a['accountName'], a['accountNumber'] ? maskBankAccount(String(a['accountNumber'])) : '', types(a['insuranceTypes'])]
    .filter(Boolean)
    .join(' ')

function describeChanges(after: Record<string, unknown>, before: Record<string, unknown> | null): ChangeRow[] {
  const f = after as Form
  const b = (before ?? {}) as { contact?: Record<string, unknown>; clerks?: Array<Record<string, unknown>>; bankAccounts?: Array<Record<string, unknown>> }
  const rows: ChangeRow[] = changeTable(UNIT_CONTACT_FIELDS, b.contact ?? {}, (f.contact ?? {}) as Record<string, unknown>)
  const clerkBefore = new Map((b.clerks ?? []).map((c) => [c['id'] as number, c]))
  const bankBefore = new Map((b.bankAccounts ?? []).map((c) => [c['id'] as number, c]))
  const row = (label: string, before: string, after: string): ChangeRow => ({ field: label, label, before, after, changed: before !== after })
  for (const c of f.clerks?.add ?? []) rows.push(row('新增经办人', '', clerkText(c)))
  for (const m of f.clerks?.modify ?? []) {
    const old = clerkBefore.get(m.id) ?? {}
    rows.push(row('修改经办人', clerkText(old), clerkText({ ...old, ...Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) })))
  }
  for (const id of f.clerks?.remove ?? []) rows.push(row('删除经办人', clerkText(clerkBefore.get(id) ?? {}), '（删除）'))
  for (const a of f.bankAccounts?.add ?? []) rows.push(row('新增银行账户', '', bankText(a)))
  for (const m of f.bankAccounts?.modify ?? []) {
    const old = bankBefore.get(m.id) ?? {}
    rows.push(row('修改银行账户', bankText(old), bankText({ ...old, ...Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) })))
  }
  for (const id of f.bankAccounts?.remove ?? []) rows.push(row('删除银行账户', bankText(bankBefore.get(id) ?? {}), '（删除）'))
  return rows
}

async function apply(ctx: EffectContext): Promise<void> {
  const unit = ctx.unit as NonNullable<EffectContext['unit']>
  const issues = await checkForm(ctx, ctx.form)
  if (issues.length) throw new AppError('RULE_VIOLATION', { detail: issues.map((i) => i.reason).join('；') })
  const f = ctx.form as Form
  const contact = Object.fromEntries(Object.entries(f.contact ?? {}).filter(([, v]) => v !== undefined))
  if (Object.keys(contact).length) await ctx.db.unit.update({ where: { id: unit.id }, data: contact })
  for (const c of f.clerks?.add ?? []) {
    const person = await ctx.db.person.findUnique({ where: { idNumber: c.idNumber }, select: { id: true } })
    const data = { name: c.name, phone: c.phone, department: c.department ?? null, email: c.email ?? null, personId: person?.id ?? null, active: true, revokedAt: null, authorizedAt: ctx.now }
    await ctx.db.unitClerk.upsert({ where: { unitId_idNumber: { unitId: unit.id, idNumber: c.idNumber } }, create: { unitId: unit.id, idNumber: c.idNumber, ...data }, update: data })
  }
  for (const m of f.clerks?.modify ?? []) {
    const data = Object.fromEntries(Object.entries({ phone: m.phone, department: m.department, email: m.email }).filter(([, v]) => v !== undefined))
    await ctx.db.unitClerk.update({ where: { id: m.id }, data })
  }
  for (const id of f.clerks?.remove ?? []) {
    const clerk = await ctx.db.unitClerk.update({ where: { id }, data: { active: false, revokedAt: ctx.now }, select: { personId: true, idNumber: true } })
    const personId = clerk.personId ?? (await ctx.db.person.findUnique({ where: { idNumber: clerk.idNumber }, select: { id: true } }))?.id
    if (personId === undefined) continue
    const sessions = await ctx.db.session.findMany({ where: { role: 'UNIT', unitId: unit.id, personId, revokedAt: null }, select: { id: true } })
    for (const s of sessions) await revokeSession(ctx.db, s.id, 'clerk removed', ctx.now)
  }
  for (const a of f.bankAccounts?.add ?? []) {
    await ctx.db.bankAccount.create({
      data: {
        unitId: unit.id,
        purpose: a.purpose,
        bankCategory: a.bankCategory,
        bankName: a.bankName,
        accountName: a.accountName,
        accountNumber: a.accountNumber,
        insuranceTypes: a.insuranceTypes
      }
    })
  }
  for (const m of f.bankAccounts?.modify ?? []) {
    const { id, ...rest } = m
    const data = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
    await ctx.db.bankAccount.update({ where: { id }, data })
  }
  for (const id of f.bankAccounts?.remove ?? []) await ctx.db.bankAccount.update({ where: { id }, data: { active: false } })
}

export const unitInfoChangeHandler: MatterHandler = { code: 'UNIT_INFO_CHANGE', checkForm, snapshotForm, describeChanges, apply }
