// The WeChat package-size gate must fail the build when a package is over 2 MiB.
import { afterEach, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const script = path.resolve(__dirname, '../scripts/package-size.mjs')
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

function fakeDist(files: Record<string, number>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pkgsize-'))
  dirs.push(dir)
  fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'pkg-a', pages: ['pages/index/index'] }] }))
  for (const [rel, size] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), Buffer.alloc(size))
  }
  return dir
}
const run = (dir: string) => spawnSync(process.execPath, [script, dir], { encoding: 'utf8' })
const MiB = 1024 * 1024

describe('scripts/package-size.mjs', () => {
  it('passes and reports each package when all are within 2 MiB', () => {
    const r = run(fakeDist({ 'vendors.js': 1.5 * MiB, 'pkg-a/pages/index/index.js': 1.9 * MiB, 'vendors.js.map': 5 * MiB }))
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/\(main\)\s+2\s+1536\.1 KiB/) // vendors.js + app.json; the source map does not count
    expect(r.stdout).toMatch(/pkg-a\/\s+1\s+1945\.6 KiB/)
  })
  it('fails when the main package is over 2 MiB', () => {
    const r = run(fakeDist({ 'vendors.js': 2 * MiB + 1 }))
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('OVER LIMIT')
  })
  it('fails when a subpackage is over 2 MiB, even if main is small', () => {
    const r = run(fakeDist({ 'app.js': 1000, 'pkg-a/big.js': 2 * MiB + 1 }))
    expect(r.status).toBe(1)
  })
})
