// The CJK font embedded in every PDF we print (proofs, 应缴认定单, case reports): Noto Sans SC (OFL) from @expo-google-fonts/noto-sans-sc, so PDFs do not depend
// on the machine's fonts. Debian's WenQuanYi Micro Hei is the fallback when the package is missing. pdfkit embeds
// only the glyphs a document uses (fontkit subsetting), so a one-page proof carries a few hundred glyphs, not 10 MB.
// Parsed once per process (≈ 80 ms) and shared by every document.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'

export interface ProofFonts {
  regular: fontkit.Font
  bold: fontkit.Font
  source: 'noto-sans-sc' | 'wqy-microhei'
}

const require = createRequire(import.meta.url)
const WQY_TTC = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'

let loaded: ProofFonts | undefined

export function proofFonts(): ProofFonts {
  if (loaded) return loaded
  try {
    const regular = fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'))
    const bold = fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'))
    loaded = { regular: fontkit.create(regular), bold: fontkit.create(bold), source: 'noto-sans-sc' }
  } catch (err) {
    if (!fs.existsSync(WQY_TTC)) {
      throw new Error('No CJK font for proofs: install @expo-google-fonts/noto-sans-sc (npm) or fonts-wqy-microhei (apt)', { cause: err })
    }
    const font = fontkit.create(fs.readFileSync(WQY_TTC), 'WenQuanYiMicroHei')
    loaded = { regular: font, bold: font, source: 'wqy-microhei' }
  }
  return loaded
}
