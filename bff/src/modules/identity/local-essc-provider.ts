// The built-in e-SSC issuer: cards in essc_card, PINs hashed with scrypt (secret-hash.ts), lockout on the card row.
import type { PrismaClient } from '../../db/client.ts'
import { attemptFailed, attemptSucceeded, claimAttempt } from './attempt-guard.ts'
import type { ActivationCandidate, EsscCardRecord, EsscProvider, PinCheckResult } from './essc-provider.ts'
import { verifySecretOrDummy } from './secrets.ts'

/** Names compare after Unicode normalisation and without spaces: "张 三" = "张三", full-width dots = "·". */
export function normalizePersonName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/[•・．.]/g, '·')
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}

export function createLocalEsscProvider(prisma: PrismaClient): EsscProvider {
  return {
    id: 'local',

    activation: {
      async findCandidate({ name, idNumber }): Promise<ActivationCandidate> {
        const person = await prisma.person.findUnique({
          where: { idNumber },
          select: { id: true, name: true, idNumber: true, phone: true, birthDate: true, card: { select: { status: true } } }
        })
        if (!person || normalizePersonName(person.name) !== normalizePersonName(name) || !person.card) return { kind: 'mismatch' }
        if (person.card.status === 'ACTIVE') return { kind: 'active' }
        if (person.card.status === 'REVOKED') return { kind: 'revoked' }
        if (!person.phone) return { kind: 'no-phone' }
        return {
          kind: 'pending',
          holder: { personId: person.id, idNumber: person.idNumber, name: person.name },
          phone: person.phone,
          birthDate: isoDate(person.birthDate)
        }
      },

      async pinContext(personId) {
        const p = await prisma.person.findUnique({ where: { id: personId }, select: { birthDate: true, idNumber: true, phone: true } })
        if (!p) return null
        return { birthDate: isoDate(p.birthDate), idNumber: p.idNumber, ...(p.phone ? { phone: p.phone } : {}) }
      },

      async activate(personId, pinHash, now, tx) {
        const r = await (tx ?? prisma).esscCard.updateMany({
          where: { personId, status: 'PENDING' },
          data: { status: 'ACTIVE', pinHash, activatedAt: now, pinChangedAt: now, pinFailures: 0, lockedUntil: null, issuer: 'local' }
        })
        return r.count === 1
      }
    },

    pin: {
      async verifyPin(who, pin, now): Promise<PinCheckResult> {
        const card = await prisma.esscCard.findFirst({
          where: { status: 'ACTIVE', person: 'idNumber' in who ? { idNumber: who.idNumber } : { id: who.personId } },
          select: { id: true, pinHash: true, person: { select: { id: true, idNumber: true, name: true } } }
        })
        if (!card || !card.pinHash) {
          await verifySecretOrDummy(pin, null) // same cost as a real check: no timing hint
          return { kind: 'unknown' }
        }
        const claim = await claimAttempt(prisma, 'essc_card', card.id, now)
        if (claim.kind === 'locked') return { kind: 'locked', until: claim.until, personId: card.person.id, justLocked: false }
        if (await verifySecretOrDummy(pin, card.pinHash)) {
          await attemptSucceeded(prisma, 'essc_card', card.id)
          return { kind: 'ok', holder: { personId: card.person.id, idNumber: card.person.idNumber, name: card.person.name } }
        }
        const failed = await attemptFailed(prisma, 'essc_card', card.id, claim.attempt, now)
        return failed.kind === 'locked' ? { kind: 'locked', until: failed.until, personId: card.person.id, justLocked: true } : failed
      },

      async setPin(personId, pinHash, now, tx) {
        await (tx ?? prisma).esscCard.update({ where: { personId }, data: { pinHash, pinChangedAt: now, pinFailures: 0, lockedUntil: null } })
      }
    },

    async getCard(personId): Promise<EsscCardRecord | null> {
      const c = await prisma.esscCard.findUnique({ where: { personId } })
      if (!c) return null
      return { personId, cardNo: c.cardNo, issueLevel: c.issueLevel, status: c.status, issuer: c.issuer, activatedAt: c.activatedAt }
    }
  }
}
