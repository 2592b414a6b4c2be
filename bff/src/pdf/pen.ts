// The state a pdfkit document is drawn with — font, fill and stroke colour, line width — set only when it changes.
// pdfkit writes every fillColor/strokeColor/lineWidth call into the page's content stream (parsing the colour each
// time), and `doc.font(name)` is a lookup only when the name is cached: a document whose default font is the same
// font object as a registered one re-opens and compares the font (JSON of its name table) on every call. A table of a
// few hundred cells set its font and colours thousands of times; through the pen, a handful.
//
// Colours and the line width are graphics state of the page being drawn: a new page starts from the defaults, and
// `switchToPage` continues a buffered page in whatever state that page was left. So pages change through the pen
// (`addPage`, `switchToPage`), which forgets what it knew; so does `forget()` after `doc.restore()` or anything else
// that changes the state behind its back.
import type { PdfDoc } from './document.ts'

export class Pen {
  private fontName: string | null = null
  private fill: string | null = null
  private stroke: string | null = null
  private width: number | null = null

  constructor(readonly doc: PdfDoc) {}

  font(name: string): PdfDoc {
    if (this.fontName !== name) {
      this.doc.font(name)
      this.fontName = name
    }
    return this.doc
  }

  fillColor(color: string): PdfDoc {
    if (this.fill !== color) {
      this.doc.fillColor(color)
      this.fill = color
    }
    return this.doc
  }

  strokeColor(color: string): PdfDoc {
    if (this.stroke !== color) {
      this.doc.strokeColor(color)
      this.stroke = color
    }
    return this.doc
  }

  lineWidth(width: number): PdfDoc {
    if (this.width !== width) {
      this.doc.lineWidth(width)
      this.width = width
    }
    return this.doc
  }

  addPage(options: PDFKit.PDFDocumentOptions): PdfDoc {
    this.doc.addPage(options)
    this.forget()
    return this.doc
  }

  switchToPage(index: number): PdfDoc {
    this.doc.switchToPage(index)
    this.forget()
    return this.doc
  }

  /** The document's state is no longer known (another page, a restore()): set everything again on next use. */
  forget(): void {
    this.fontName = null
    this.fill = null
    this.stroke = null
    this.width = null
  }
}
