/**
 * A workbench list (办件审核队列, 应缴认定单到账, 稽核认定缴费基数): only for a signed-in reviewer (anyone else goes to
 * the reviewer sign-in), filters typed into a draft and applied with 查询 (back to page 1), paged, reloaded when the
 * page shows again. A failed load keeps what was shown and says why (`error`).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { useSessionUser } from '../../hooks/useSession'

export const REVIEW_SIGN_IN = '/pkg-review/pages/sign-in/index'

export interface ReviewList<F, T> {
  isReviewer: boolean
  draft: F
  setDraft: (f: F) => void
  filters: F
  /** 查询: apply the draft, from page 1. */
  search: () => void
  /** These filters, in the draft and applied, from page 1 (重置, a status tab). */
  apply: (f: F) => void
  page: number
  setPage: (page: number) => void
  data: T | null
  error: string
  reload: () => Promise<void>
}

/** `fetch` asks for one page with the applied filters; what it throws is shown as the reason (Chinese). */
export function useReviewList<F, T>(initial: F, fetch: (filters: F, page: number) => Promise<T>): ReviewList<F, T> {
  const user = useSessionUser()
  const isReviewer = user?.role === 'REVIEWER'
  const [draft, setDraft] = useState<F>(initial)
  const [filters, setFilters] = useState<F>(initial)
  const [page, setPage] = useState(1)
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState('')
  const fetchRef = useRef(fetch)
  fetchRef.current = fetch

  useEffect(() => {
    if (!isReviewer) Taro.redirectTo({ url: REVIEW_SIGN_IN })
  }, [isReviewer])

  const reload = useCallback(async () => {
    if (!isReviewer) return
    try {
      setData(await fetchRef.current(filters, page))
      setError('')
    } catch (e) {
      setError(e instanceof Error ? e.message : '加载失败，请稍后重试')
    }
  }, [filters, page, isReviewer])
  useEffect(() => {
    void reload()
  }, [reload])
  useDidShow(() => {
    if (data) void reload()
  })

  const search = () => {
    setFilters(draft)
    setPage(1)
  }
  const apply = (f: F) => {
    setDraft(f)
    setFilters(f)
    setPage(1)
  }
  return { isReviewer, draft, setDraft, filters, search, apply, page, setPage, data, error, reload }
}
