// The verification QR's symbol: qrcode (ISO/IEC 18004), error correction M, the URL as one byte-mode segment (the
// URL and token are mostly lower case and base64url, which byte mode holds anyway; qrcode's search for the shortest
// mix of segments — a graph search over every character — cost as much as the rest of the symbol).
//
// qrcode chooses the data mask the standard way: each of the 8 patterns is applied to the whole matrix and scored
// (penalties N1–N4), through a BitMatrix get()/xor() call per module — about 2 ms per proof, a fifth of a one-page
// proof's rendering. `getBestMask` below is the same choice, scored over the matrix's bytes with the 8 masks
// precomputed per symbol size; it replaces qrcode's (its mask-pattern module is CommonJS, and createSymbol calls
// it through the module object). Our own code because qrcode has no faster path; the symbols are the same as
// qrcode's own (bff/test/qr-symbol.test.ts compares them over many payloads and sizes). Should a qrcode release
// move the function, qrcode's own is left in place.
import { createRequire } from 'node:module'
import QRCode from 'qrcode'

interface BitMatrix {
  size: number
  data: Uint8Array
  reservedBit: Uint8Array
}

type GetBestMask = (data: BitMatrix, setupFormatFunc: (mask: number) => void) => number

/** Penalty weights of ISO/IEC 18004 §7.8.3 (as qrcode has them). */
const N1 = 3
const N2 = 3
const N3 = 40
const N4 = 10

/** Mask condition of pattern `p` at row i, column j (qrcode's getMaskAt). */
function maskAt(p: number, i: number, j: number): boolean {
  switch (p) {
    case 0:
      return (i + j) % 2 === 0
    case 1:
      return i % 2 === 0
    case 2:
      return j % 3 === 0
    case 3:
      return (i + j) % 3 === 0
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0
    default:
      return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0
  }
}

/** The 8 masks (1 where a data module flips) for the last reserved-module layout seen (one per version). */
let masksFor: { reserved: Uint8Array; masks: Uint8Array[] } | undefined

function masksOf(m: BitMatrix): Uint8Array[] {
  const { size, reservedBit } = m
  if (masksFor && sameBytes(masksFor.reserved, reservedBit)) return masksFor.masks
  const masks = Array.from({ length: 8 }, (_, p) => {
    const mask = new Uint8Array(size * size)
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const i = row * size + col
        if (!reservedBit[i] && maskAt(p, row, col)) mask[i] = 1
      }
    }
    return mask
  })
  masksFor = { reserved: Uint8Array.from(reservedBit), masks }
  return masks
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * N1 + N2 + N3 + N4 of the matrix, as qrcode's getPenaltyN1…N4 add them up. Written without data-dependent branches
 * (the modules of a masked symbol are noise to a branch predictor): a run of L ≥ 5 same-coloured modules scores
 * N1 + (L − 5), counted as it grows — N1 at its fifth module, 1 for each one after.
 */
export function penalty(d: Uint8Array, size: number): number {
  let n1 = 0
  let n3 = 0
  for (let a = 0; a < size; a++) {
    let lastH = -1
    let runH = 0
    let lastV = -1
    let runV = 0
    let bitsH = 0
    let bitsV = 0
    for (let b = 0; b < size; b++) {
      const h = d[a * size + b] as number
      const v = d[b * size + a] as number
      runH = runH * +(h === lastH) + 1
      runV = runV * +(v === lastV) + 1
      lastH = h
      lastV = v
      n1 += +(runH === 5) * N1 + +(runH > 5) + +(runV === 5) * N1 + +(runV > 5)
      // N3: 1:1:3:1:1 finder-like patterns with four light modules before or after (11-module window).
      bitsH = ((bitsH << 1) & 0x7ff) | h
      bitsV = ((bitsV << 1) & 0x7ff) | v
      if (b >= 10) n3 += +(bitsH === 0x5d0) + +(bitsH === 0x05d) + +(bitsV === 0x5d0) + +(bitsV === 0x05d)
    }
  }
  // N2: 2×2 blocks of one colour (a sum of 0 or 4).
  let blocks = 0
  for (let row = 0; row < size - 1; row++) {
    const r0 = row * size
    const r1 = r0 + size
    for (let col = 0; col < size - 1; col++) {
      const s = (d[r0 + col] as number) + (d[r0 + col + 1] as number) + (d[r1 + col] as number) + (d[r1 + col + 1] as number)
      blocks += +((s & 3) === 0)
    }
  }
  // N4: how far the share of dark modules is from 50 %, in steps of 5 %.
  let dark = 0
  for (let i = 0; i < d.length; i++) dark += d[i] as number
  const k = Math.abs(Math.ceil((dark * 100) / d.length / 5) - 10)
  return n1 + blocks * N2 + n3 * N3 + k * N4
}

/** qrcode's getBestMask, over bytes: the first pattern with the lowest penalty. */
export const getBestMask: GetBestMask = (m, setupFormatFunc) => {
  const masks = masksOf(m)
  const masked = new Uint8Array(m.data.length)
  let best = 0
  let lowest = Infinity
  for (let p = 0; p < 8; p++) {
    setupFormatFunc(p)
    const mask = masks[p] as Uint8Array
    const data = m.data
    for (let i = 0; i < data.length; i++) masked[i] = (data[i] as number) ^ (mask[i] as number)
    const points = penalty(masked, m.size)
    if (points < lowest) {
      lowest = points
      best = p
    }
  }
  return best
}

const require = createRequire(import.meta.url)
const maskPatterns = ((): { getBestMask: GetBestMask } | null => {
  try {
    const mod = require('qrcode/lib/core/mask-pattern.js') as { getBestMask?: unknown }
    return typeof mod.getBestMask === 'function' && mod.getBestMask.length === 2 ? (mod as { getBestMask: GetBestMask }) : null
  } catch {
    return null
  }
})()

/** qrcode's own mask choice (the tests compare against it). */
export const qrcodeGetBestMask: GetBestMask | null = maskPatterns?.getBestMask ?? null
if (maskPatterns) maskPatterns.getBestMask = getBestMask

export interface QrSymbol {
  size: number
  get(row: number, col: number): number | boolean
}

/** The symbol for `text` (one byte-mode segment, error correction M). */
export function qrSymbol(text: string): QrSymbol {
  return QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules
}
