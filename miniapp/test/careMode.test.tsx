// @vitest-environment jsdom
// Care mode: per-user storage, live switching across mounted pages, and the class PageShell applies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { act, cleanup, render, renderHook, screen } from '@testing-library/react'
import { careModeKey, resetCareModeForTests, useCareMode } from '../src/hooks/useCareMode'
import { clearSession, resetSessionMemoryForTests, startSession } from '../src/services/session'
import PageShell from '../src/components/PageShell'

const signIn = (id: string) => startSession({ accessToken: 'a', refreshToken: 'r' }, { id, role: 'PERSON' })
const stored = (key: string) => JSON.parse(localStorage.getItem(key) ?? 'null')?.data

beforeEach(() => {
  localStorage.clear()
  resetSessionMemoryForTests()
  resetCareModeForTests()
})
afterEach(cleanup)

describe('useCareMode', () => {
  it('is off by default and stores the guest choice under the guest key', () => {
    const { result } = renderHook(() => useCareMode())
    expect(result.current.enabled).toBe(false)
    act(() => result.current.toggle())
    expect(result.current.enabled).toBe(true)
    expect(careModeKey(null)).toBe('sb.careMode.guest')
    expect(stored('sb.careMode.guest')).toBe(true)
  })

  it("keeps each user's own choice and follows sign-in and sign-out", () => {
    const { result } = renderHook(() => useCareMode())
    act(() => result.current.setEnabled(true)) // guest on
    act(() => signIn('u1'))
    expect(result.current.enabled).toBe(false) // u1 never chose
    act(() => result.current.setEnabled(true))
    act(() => result.current.setEnabled(false))
    expect(stored('sb.careMode.u1')).toBe(false)
    act(() => clearSession())
    expect(result.current.enabled).toBe(true) // back to the guest's choice
    act(() => signIn('u2'))
    expect(result.current.enabled).toBe(false)
  })

  it('updates every mounted component at once (tab pages stay mounted)', () => {
    const a = renderHook(() => useCareMode())
    const b = renderHook(() => useCareMode())
    act(() => a.result.current.setEnabled(true))
    expect(b.result.current.enabled).toBe(true)
  })

  it('survives a restart: the stored value is read back', () => {
    localStorage.setItem('sb.careMode.guest', JSON.stringify({ data: true }))
    const { result } = renderHook(() => useCareMode())
    expect(result.current.enabled).toBe(true)
  })
})

describe('PageShell', () => {
  it('puts the care-mode class on the page root when care mode is on', () => {
    const { result } = renderHook(() => useCareMode())
    render(
      <PageShell className='demo'>
        <span>参保信息</span>
      </PageShell>
    )
    const root = screen.getByText('参保信息').closest('.sb-page') as HTMLElement
    expect(root.className).toContain('demo')
    expect(root.className).not.toContain('care-mode')
    act(() => result.current.setEnabled(true))
    expect(root.className).toContain('care-mode')
  })
})
