// 单位关键信息变更登记 (§3.3.10): name, legal representative, business scope, size class (R24); reviewed — the
// change is effective once the hall approves (R004-36). The before values are taken at submission and again at
// approval, so the record shows exactly what changed.
import { EnterpriseSizes, UNIT_KEY_FIELDS, changeTable, type UnitKeyInfoChangeForm } from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import type { CheckContext, EffectContext, MatterHandler } from './types.ts'

async function snapshotForm(ctx: CheckContext): Promise<Record<string, unknown>> {
  const unit = ctx.unit
  if (!unit) throw new AppError('MATTER_NOT_FOR_ROLE')
  const u = await ctx.db.unit.findUniqueOrThrow({
    where: { id: unit.id },
    select: { name: true, legalRepName: true, legalRepIdNumber: true, legalRepPhone: true, businessScope: true, sizeClass: true }
  })
  // sizeClass is stored as its label (as the seed's unit data is); compare by code.
  return { ...u, sizeClass: u.sizeClass ? (EnterpriseSizes.parse(u.sizeClass) ?? u.sizeClass) : null }
}

async function apply(ctx: EffectContext): Promise<void> {
  const unit = ctx.unit as NonNullable<EffectContext['unit']>
  const f = ctx.form as UnitKeyInfoChangeForm
  const data: Record<string, unknown> = {}
  if (f.name !== undefined) data['name'] = f.name
  if (f.legalRepName !== undefined) data['legalRepName'] = f.legalRepName
  if (f.legalRepIdNumber !== undefined) data['legalRepIdNumber'] = f.legalRepIdNumber
  if (f.legalRepPhone !== undefined) data['legalRepPhone'] = f.legalRepPhone
  if (f.businessScope !== undefined) data['businessScope'] = f.businessScope
  if (f.sizeClass !== undefined) data['sizeClass'] = EnterpriseSizes.label(f.sizeClass)
  await ctx.db.unit.update({ where: { id: unit.id }, data })
}

export const unitKeyInfoChangeHandler: MatterHandler = {
  code: 'UNIT_KEY_INFO_CHANGE',
  snapshotForm,
  describeChanges: (after, before) => changeTable(UNIT_KEY_FIELDS, before ?? {}, after),
  apply
}
