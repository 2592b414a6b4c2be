/**
 * The login QR, drawn in the browser with `qrcode` (the maintained encoder the BFF uses for proofs). Only its
 * encoder core and SVG renderer are imported — not the canvas renderer or the Node entry — which keeps it to a
 * few KB in the qr-login chunk. The SVG becomes a data: URL for an <Image> (CSP img-src allows data:).
 */
// no typings for the deep modules: their shapes are declared below
import * as core from 'qrcode/lib/core/qrcode'
import * as svgTag from 'qrcode/lib/renderer/svg-tag'

interface QrData {
  modules: { size: number; data: Uint8Array }
}
const qrCore = core as unknown as { create(text: string, opts: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): QrData }
const svgRenderer = svgTag as unknown as {
  render(data: QrData, opts: { margin: number; color: { dark: string; light: string } }): string
}

/** SVG markup of a QR code for `text` (error correction M, a 2-module quiet zone). */
export function qrSvg(text: string): string {
  const data = qrCore.create(text, { errorCorrectionLevel: 'M' })
  return svgRenderer.render(data, { margin: 2, color: { dark: '#000000ff', light: '#ffffffff' } })
}

/** The QR as a data: URL for <Image src>. */
export function qrDataUrl(text: string): string {
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(qrSvg(text))
}
