// The few fontkit calls we make (fontkit ships no types). pdfkit accepts a fontkit font object as a font source,
// so the 10 MB CJK font is parsed once per process instead of once per document.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string
    familyName: string
    layout(text: string): unknown
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}
