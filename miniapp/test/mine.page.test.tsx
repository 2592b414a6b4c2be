// @vitest-environment jsdom
// The 我的 page with real NutUI components: Chinese text, sign-in state, and the care-mode switch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import Mine from '../src/pages/mine/index'
import { resetCareModeForTests } from '../src/hooks/useCareMode'
import { resetSessionMemoryForTests, startSession } from '../src/services/session'

beforeEach(() => {
  localStorage.clear()
  resetSessionMemoryForTests()
  resetCareModeForTests()
})
afterEach(cleanup)

const pageRoot = () => document.querySelector('.sb-page') as HTMLElement

describe('我的 page', () => {
  it('shows the signed-out state, care mode and version in Chinese', () => {
    render(<Mine />)
    expect(screen.getByText('未登录')).toBeTruthy()
    expect(screen.getByText('登录/激活')).toBeTruthy()
    expect(screen.getByText('关怀模式')).toBeTruthy()
    expect(screen.getByText('放大文字，方便长辈阅读')).toBeTruthy()
    expect(screen.getByText('版本')).toBeTruthy()
    expect(screen.getByText('0.0.0-test')).toBeTruthy()
    expect(screen.queryByText('退出登录')).toBeNull()
  })

  it('turns care mode on for the whole page with the switch and remembers it', () => {
    render(<Mine />)
    const sw = document.querySelector('.nut-switch') as HTMLElement
    expect(sw).toBeTruthy()
    expect(pageRoot().className).not.toContain('care-mode')
    act(() => {
      fireEvent.click(sw)
    })
    expect(pageRoot().className).toContain('care-mode')
    expect(JSON.parse(localStorage.getItem('sb.careMode.guest') ?? '{}').data).toBe(true)
    act(() => {
      fireEvent.click(sw)
    })
    expect(pageRoot().className).not.toContain('care-mode')
  })

  it('shows who is signed in, with their role', () => {
    startSession({ accessToken: 'a', refreshToken: 'r' }, { id: '7', role: 'UNIT', name: '李*', unitName: '宜昌市某某有限公司' })
    render(<Mine />)
    expect(screen.getByText('李*')).toBeTruthy()
    expect(screen.getByText(/单位经办人 · 宜昌市某某有限公司/)).toBeTruthy()
    expect(screen.getByText('退出登录')).toBeTruthy()
    expect(screen.queryByText('未登录')).toBeNull()
  })
})
