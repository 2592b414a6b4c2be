// What the PDF helpers share between documents must not change what is printed: a font subset built through the
// process-wide glyph cache is byte for byte fontkit's own (also for composite glyphs, whose component ids are
// renumbered per subset), doc.font('R') is a cache hit in an openPdf document, and the Pen sets colours again on a
// new page (each page's content stream starts from the defaults).
import fs from 'node:fs'
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { openPdf, type PdfDoc } from '../src/pdf/document.ts'
import { proofFonts } from '../src/pdf/fonts.ts'
import { shareGlyphCache } from '../src/pdf/glyph-cache.ts'
import { Pen } from '../src/pdf/pen.ts'

interface Subset {
  includeGlyph(gid: number): number
  encode(): Uint8Array
}

/** A fontkit subset of the glyphs of `text`, plain or through the shared glyph cache. */
function subsetOf(font: fontkit.Font, text: string, cached: boolean): Uint8Array {
  const subset = (font as unknown as { createSubset(): Subset }).createSubset()
  if (cached) shareGlyphCache({ _font: { font, subset } } as unknown as PdfDoc, font)
  for (const g of (font.layout(text) as { glyphs: { id: number }[] }).glyphs) subset.includeGlyph(g.id)
  return subset.encode()
}

const WQY = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'

describe('glyph cache', () => {
  it('a subset through the cache equals fontkit’s own, the first time and from a warm cache', () => {
    const { regular } = proofFonts()
    const first = '湖北省社会保险参保证明（个人缴费明细）授权码：PB96 X5CP RH40 YG2H 2025/10 5,200.00'
    const second = '参保证明 王伟 李娜 宜昌市测试科技有限公司 416.00 第1页/共1页'
    expect(Buffer.from(subsetOf(regular, first, true)).equals(Buffer.from(subsetOf(regular, first, false)))).toBe(true)
    expect(Buffer.from(subsetOf(regular, second, true)).equals(Buffer.from(subsetOf(regular, second, false)))).toBe(true)
  })

  it.runIf(fs.existsSync(WQY))('composite glyphs get this subset’s component ids (WenQuanYi: accented letters)', () => {
    const font = fontkit.create(fs.readFileSync(WQY), 'WenQuanYiMicroHei')
    const composites = (font.layout('éÅ') as { glyphs: { _decode(): { numberOfContours: number } | null }[] }).glyphs
    expect(composites.some((g) => (g._decode()?.numberOfContours ?? 0) < 0)).toBe(true)
    for (const text of ['Café Ångström 参保', 'É à 证明 ñ']) {
      expect(Buffer.from(subsetOf(font, text, true)).equals(Buffer.from(subsetOf(font, text, false)))).toBe(true)
    }
  })
})

describe('openPdf', () => {
  it("selecting 'R' and 'B' again opens no font", async () => {
    const { doc, finish } = openPdf({ title: 't', author: 'a', createdAt: new Date('2026-01-01T00:00:00Z') })
    const opened = () => (doc as unknown as { _fontCount: number })._fontCount
    doc.addPage()
    const before = opened()
    for (let i = 0; i < 20; i++) doc.font(i % 2 ? 'R' : 'B').text('参保', 10, 10)
    expect(opened()).toBe(before)
    const { pages } = await finish()
    expect(pages).toBe(1)
  })
})

describe('Pen', () => {
  it('sets a colour once per page, again after a page change', async () => {
    const doc = new PDFDocument({ compress: false, autoFirstPage: false, bufferPages: true })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    const ended = new Promise((resolve) => doc.on('end', resolve))
    const pen = new Pen(doc)
    pen.addPage({ size: 'A4' })
    for (let i = 0; i < 3; i++) pen.fillColor('#333333').rect(10, 10 + i * 20, 5, 5).fill()
    pen.addPage({ size: 'A4' })
    pen.fillColor('#333333').rect(10, 10, 5, 5).fill()
    pen.switchToPage(0)
    pen.fillColor('#333333').rect(50, 10, 5, 5).fill()
    doc.end()
    await ended
    const pdf = Buffer.concat(chunks).toString('latin1')
    expect(pdf.split('0.2 0.2 0.2 scn').length - 1).toBe(3)
  })
})
