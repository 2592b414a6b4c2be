// The proofs' QR mask choice (bff/src/modules/certificates/qr-symbol.ts) must give qrcode's own symbols: the same
// mask, the same modules, over payloads of many lengths (versions 1–40) and contents.
import crypto from 'node:crypto'
import { createRequire } from 'node:module'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { getBestMask, penalty, qrcodeGetBestMask, qrSymbol } from '../src/modules/certificates/qr-symbol.ts'

type Matrix = { size: number; data: Uint8Array }
const maskPatterns = {
  default: createRequire(import.meta.url)('qrcode/lib/core/mask-pattern.js') as {
    getBestMask: unknown
    applyMask(p: number, m: Matrix): void
    getPenaltyN1(m: Matrix): number
    getPenaltyN2(m: Matrix): number
    getPenaltyN3(m: Matrix): number
    getPenaltyN4(m: Matrix): number
  }
}

function symbolWith(bestMask: unknown, text: string, level: 'L' | 'M' | 'Q' | 'H') {
  maskPatterns.default.getBestMask = bestMask
  try {
    const q = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: level })
    return { mask: q.maskPattern, version: q.version, modules: Buffer.from(q.modules.data) }
  } finally {
    maskPatterns.default.getBestMask = getBestMask
  }
}

describe('QR mask choice', () => {
  it('is installed in qrcode (its own is kept for comparison)', () => {
    expect(qrcodeGetBestMask).toBeTypeOf('function')
    expect(maskPatterns.default.getBestMask).toBe(getBestMask)
  })

  it('picks qrcode’s mask and gives its modules, for many payloads and sizes', () => {
    const payloads: string[] = []
    for (const len of [1, 7, 20, 45, 90, 160, 300, 521, 700, 900, 1100, 1200]) {
      for (let k = 0; k < 4; k++) payloads.push(crypto.randomBytes(len).toString('base64url').slice(0, len))
    }
    payloads.push('http://127.0.0.1:8080/#/pkg-verify/pages/index/index?c=PB96X5CPRH40YG2H&t=' + 'e'.repeat(430), '参保证明 授权码')
    const masks = new Set<number>()
    for (const [i, text] of payloads.entries()) {
      const level = (['L', 'M', 'Q', 'H'] as const)[i % 4] ?? 'M'
      const theirs = symbolWith(qrcodeGetBestMask, text, level)
      const ours = symbolWith(getBestMask, text, level)
      expect({ text, ...ours, modules: ours.modules.toString('hex') }).toEqual({ text, ...theirs, modules: theirs.modules.toString('hex') })
      masks.add(theirs.mask as number)
    }
    // The payloads exercise most of the eight patterns, not one by chance.
    expect(masks.size).toBeGreaterThanOrEqual(5)
  })

  it('scores every masked matrix as qrcode’s N1 + N2 + N3 + N4 do', () => {
    const mp = maskPatterns.default
    let checked = 0
    for (const len of [10, 100, 400, 900]) {
      const q = QRCode.create([{ data: crypto.randomBytes(len) }], { errorCorrectionLevel: 'L' })
      const m = q.modules as unknown as Matrix
      for (let p = 0; p < 8; p++) {
        mp.applyMask(p, m)
        const theirs = mp.getPenaltyN1(m) + mp.getPenaltyN2(m) + mp.getPenaltyN3(m) + mp.getPenaltyN4(m)
        expect(penalty(m.data, m.size)).toBe(theirs)
        mp.applyMask(p, m)
        checked++
      }
    }
    expect(checked).toBe(32)
  })

  it('qrSymbol encodes the URL as one byte-mode symbol with error correction M', () => {
    const url = 'https://si.example.cn/#/pkg-verify/pages/index/index?c=PB96X5CPRH40YG2H&t=abc.def.ghi'
    const s = qrSymbol(url)
    const q = QRCode.create([{ data: Buffer.from(url, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' })
    expect(s.size).toBe(q.modules.size)
    expect(Buffer.from((s as unknown as { data: Uint8Array }).data).equals(Buffer.from(q.modules.data))).toBe(true)
  })
})
