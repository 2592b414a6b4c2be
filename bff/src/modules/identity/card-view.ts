// How a card is shown: the card number masked like an ID number unless the owner asked to reveal it.
import type { CardSummary } from '@shebao/shared'
import { maskIdNumber } from '@shebao/shared'
import type { EsscCardRecord } from './essc-provider.ts'

/** "A12345678" → "A1*****78" (the shared ID-number masking rule, which keeps both ends by length). */
export function maskCardNo(cardNo: string): string {
  return maskIdNumber(cardNo)
}

export function cardSummary(card: EsscCardRecord, reveal = false): CardSummary {
  return {
    cardNo: reveal ? card.cardNo : maskCardNo(card.cardNo),
    issueLevel: card.issueLevel,
    status: card.status,
    issuer: card.issuer,
    activatedAt: card.activatedAt ? card.activatedAt.toISOString() : null
  }
}
