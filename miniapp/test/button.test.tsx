// @vitest-environment jsdom
// Buttons are buttons on H5: NutUI's Button renders Taro's <taro-button-core>, which has no button role, so every
// page uses components/Button, which carries it. This test fails when a file imports NutUI's Button itself.
import fs from 'node:fs'
import path from 'node:path'
import { createRef } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { Button } from '../src/components/Button'
import { roleProps } from '../src/pages/login/a11y'

const SRC = path.resolve(__dirname, '../src')
const WRAPPER = path.join(SRC, 'components/Button/index.tsx')

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) sourceFiles(full, out)
    else if (/\.(tsx?|jsx?)$/.test(e.name)) out.push(full)
  }
  return out
}

/** Does this source import NutUI's Button: `{ Button }` / `{ Button as B }` from the barrel, or the button module? */
function importsNutButton(code: string): boolean {
  const named = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@nutui\/nutui-react-taro['"]/g
  for (const m of code.matchAll(named)) {
    if (m[1]!.split(',').some((n) => n.trim().split(/\s+as\s+/)[0] === 'Button')) return true
  }
  return /from\s*['"]@nutui\/nutui-react-taro\/dist\/[^'"]*\/button['"]/.test(code) || /require\(\s*['"]@nutui\/nutui-react-taro\/dist\/[^'"]*\/button['"]\s*\)/.test(code)
}

afterEach(cleanup)

describe('NutUI Button only through components/Button', () => {
  it('no file but the wrapper imports Button from @nutui/nutui-react-taro', () => {
    const offenders = sourceFiles(SRC)
      .filter((f) => f !== WRAPPER && importsNutButton(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f))
    expect(offenders, 'import { Button } from components/Button instead').toEqual([])
    expect(importsNutButton(fs.readFileSync(WRAPPER, 'utf8'))).toBe(true)
  })

  it('spots the ways of importing it', () => {
    // (the package name is assembled: vitest.config's NutUI import rewriter would rewrite these strings too)
    const NUT = '@nutui/' + 'nutui-react-taro'
    expect(importsNutButton(`import { Button } from '${NUT}'`)).toBe(true)
    expect(importsNutButton(`import {\n  Cell,\n  Button as NutButton\n} from "${NUT}"`)).toBe(true)
    expect(importsNutButton(`import Button from '${NUT}/dist/es/packages/button'`)).toBe(true)
    expect(importsNutButton(`import { Cell, ButtonGroup } from '${NUT}'`)).toBe(false)
    expect(importsNutButton(`import { Button } from '../../components/Button'`)).toBe(false)
  })
})

describe('components/Button', () => {
  it('is found by role and name, clicks, and passes props and ref through', () => {
    const onClick = vi.fn()
    const ref = createRef<HTMLButtonElement>()
    render(
      <Button ref={ref} className='x-submit' type='primary' onClick={onClick}>
        确定
      </Button>
    )
    const button = screen.getByRole('button', { name: '确定' })
    expect(button.className).toContain('x-submit')
    expect(button.className).toContain('nut-button-primary')
    fireEvent.click(button)
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(ref.current).toBe(button)
  })

  it('keeps NutUI’s disabled behaviour, and a caller’s own role wins', () => {
    const onClick = vi.fn()
    render(
      <>
        <Button disabled onClick={onClick}>
          撤销
        </Button>
        <Button {...roleProps('tab')}>缴费</Button>
      </>
    )
    const revoke = screen.getByRole('button', { name: '撤销' })
    fireEvent.click(revoke)
    expect(onClick).not.toHaveBeenCalled()
    expect(revoke.className).toContain('nut-button-disabled')
    expect(screen.getByRole('tab', { name: '缴费' })).toBeTruthy()
  })
})
