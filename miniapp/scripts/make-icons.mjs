// Generates the tab-bar icons (81x81 PNG, grey and brand blue) under src/assets/tabbar/ and the H5 favicon
// (src/assets/favicon.png, copied into dist-h5 by config/index.ts).
// Run after changing a glyph: `node scripts/make-icons.mjs`. The PNGs are committed.
// sharp comes from the workspace root (a BFF dependency); the app itself never imports it.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

const here = path.dirname(fileURLToPath(import.meta.url))
const outDir = path.resolve(here, '../src/assets/tabbar')
const GREY = '#8a919f'
const BRAND = '#1677ff'

// 24x24 line glyphs (stroke-based), scaled to 81x81.
const glyphs = {
  // 首页: a house
  home: '<path d="M3.5 10.5 12 3.5l8.5 7"/><path d="M5.5 9v11h13V9"/><path d="M10 20v-6h4v6"/>',
  // 办事: four tiles
  services: '<rect x="3.5" y="3.5" width="7" height="7" rx="1.5"/><rect x="13.5" y="3.5" width="7" height="7" rx="1.5"/>' +
    '<rect x="3.5" y="13.5" width="7" height="7" rx="1.5"/><circle cx="17" cy="17" r="3.6"/>',
  // 证明: a document with a seal
  certs: '<path d="M6 3.5h8.5l4 4V20.5H6z"/><path d="M14.5 3.5v4h4"/><path d="M9 10.5h6M9 13.5h4"/><circle cx="14" cy="17.2" r="1.8"/>',
  // 我的: a person
  mine: '<circle cx="12" cy="8" r="4.2"/><path d="M4.5 20.5c.8-4 3.8-6.3 7.5-6.3s6.7 2.3 7.5 6.3"/>'
}

function svg(body, color, filled) {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 24 24">` +
    `<g fill="${filled ? color : 'none'}" fill-opacity="${filled ? 0.15 : 0}" stroke="${color}" ` +
    `stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${body}</g></svg>`
  )
}

fs.mkdirSync(outDir, { recursive: true })
for (const [name, body] of Object.entries(glyphs)) {
  for (const [suffix, color, filled] of [['', GREY, false], ['-active', BRAND, true]]) {
    const file = path.join(outDir, `${name}${suffix}.png`)
    await sharp(svg(body, color, filled)).png({ palette: true, colors: 32, compressionLevel: 9 }).toFile(file)
    const size = fs.statSync(file).size
    if (size >= 3 * 1024) throw new Error(`${file} is ${size} bytes (limit 3 KB)`)
    console.log(`${path.relative(process.cwd(), file)}  ${size} B`)
  }
}

// Favicon: a white shield with a tick on a brand-blue rounded square (64x64).
const favicon = path.resolve(here, '../src/assets/favicon.png')
await sharp(Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 24 24">' +
  `<rect width="24" height="24" rx="5" fill="${BRAND}"/>` +
  '<path d="M12 4.2 18 6.6v4.9c0 3.9-2.6 6.7-6 8.2-3.4-1.5-6-4.3-6-8.2V6.6z" fill="#fff"/>' +
  `<path d="m9.2 12 2 2 3.8-3.9" fill="none" stroke="${BRAND}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>` +
  '</svg>'
)).png({ palette: true, colors: 32, compressionLevel: 9 }).toFile(favicon)
console.log(`${path.relative(process.cwd(), favicon)}  ${fs.statSync(favicon).size} B`)
