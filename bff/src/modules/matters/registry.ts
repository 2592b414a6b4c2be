// Effects registry: one handler per matter code (one file per matter beside this one).
import { getMatter } from '@shebao/shared'
import type { MatterHandler } from './types.ts'
import { staffEnrolHandler } from './staff-enrol.ts'
import { staffStopHandler } from './staff-stop.ts'
import { staffAddTypesHandler, staffReduceTypesHandler } from './staff-types.ts'
import { staffInfoChangeHandler } from './staff-info-change.ts'
import { unitInfoChangeHandler } from './unit-info-change.ts'
import { unitKeyInfoChangeHandler } from './unit-key-info-change.ts'
import { wageDeclarationHandler } from '../contributions/wage-declaration.ts'
import { backPaymentHandler, labourContractBackPaymentHandler } from '../contributions/back-payment.ts'
import { refundHandler } from '../contributions/refund.ts'
import { wageChangeHandler } from '../contributions/wage-change.ts'

const handlers = new Map<string, MatterHandler>()

export function registerMatterHandler(h: MatterHandler): void {
  if (!getMatter(h.code)) throw new Error(`matter ${h.code} is not in the shared catalogue`)
  if (handlers.has(h.code)) throw new Error(`matter handler ${h.code} registered twice`)
  handlers.set(h.code, h)
}

for (const h of [
  staffEnrolHandler,
  staffStopHandler,
  staffReduceTypesHandler,
  staffAddTypesHandler,
  staffInfoChangeHandler,
  unitInfoChangeHandler,
  unitKeyInfoChangeHandler,
  wageDeclarationHandler,
  backPaymentHandler,
  labourContractBackPaymentHandler,
  refundHandler,
  wageChangeHandler
]) {
  registerMatterHandler(h)
}

/** The handler of a matter; every catalogue matter the engine runs must have one. */
export function matterHandler(code: string): MatterHandler {
  const h = handlers.get(code)
  if (!h) throw new Error(`no effect registered for matter ${code}`)
  return h
}

export function hasMatterHandler(code: string): boolean {
  return handlers.has(code)
}
