// A pdfkit document set up the way all our printouts are: A4, no automatic margins, our embedded CJK font registered
// as 'R' (regular) and 'B' (bold) with the process-wide layout and glyph caches, zh-CN metadata, pages buffered (so footers
// can print 第N页/共M页 once the count is known), and the bytes collected. `finish()` ends the document.
import PDFDocument from 'pdfkit'
import { proofFonts } from './fonts.ts'
import { shareGlyphCache } from './glyph-cache.ts'
import { shareLayoutCache } from './layout-cache.ts'

export type PdfDoc = InstanceType<typeof PDFDocument>

export const mm = (v: number) => (v * 72) / 25.4

/** A4 in points, portrait. */
export const A4 = { width: 595.28, height: 841.89 } as const

export const FONT = { R: 'R', B: 'B' } as const

export interface PdfMeta {
  title: string
  author: string
  subject?: string
  createdAt: Date
}

export interface OpenPdf {
  doc: PdfDoc
  /** End the document; resolves with its bytes and page count. */
  finish(): Promise<{ bytes: Buffer; pages: number }>
}

export function openPdf(meta: PdfMeta): OpenPdf {
  const fonts = proofFonts()
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    // No default font: pdfkit would parse Helvetica's AFM for every document, and our font object as the default
    // makes every later doc.font('R') miss pdfkit's cache (it is keyed by the default's PostScript name, not 'R')
    // and re-open and compare the font, JSON of its name table included. 'R' is selected below, before any text.
    font: null as unknown as string,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject ?? meta.title,
      Creator: '掌上社保',
      Producer: '掌上社保 (pdfkit)',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt
    }
  })
  doc.registerFont(FONT.R, fonts.regular as unknown as string)
  doc.registerFont(FONT.B, fonts.bold as unknown as string)
  shareLayoutCache(doc, FONT.B, fonts.bold)
  shareGlyphCache(doc, fonts.bold)
  shareLayoutCache(doc, FONT.R, fonts.regular)
  shareGlyphCache(doc, fonts.regular)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })
  return {
    doc,
    async finish() {
      const pages = doc.bufferedPageRange().count
      doc.end()
      await ended
      return { bytes: Buffer.concat(chunks), pages }
    }
  }
}
