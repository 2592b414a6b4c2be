/**
 * Loading a signed-in user's data for a query page (个人查询, the unit hall's queries): one request per view
 * (`useApi`) or a paged list that grows with 加载更多 (`usePaged`, with components/LoadMore). Errors stay on the page (no toast): the page shows what went wrong and a 重试 button.
 * Signed out, nothing is requested and the page offers to sign in; signing in (or another person signing in on a
 * shared phone) reloads.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, ApiError } from '../services/api'
import { useSessionUser } from './useSession'

export type Query = Record<string, string | number | boolean | undefined>

export interface Loaded<T> {
  data: T | null
  /** A sentence for the person (the server's Chinese message, or the network message). */
  error: string | null
  loading: boolean
  signedIn: boolean
  reload: () => void
}

function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message
  return '查询失败，请稍后重试'
}

/** GET `path` with `query` whenever they change (and when the signed-in person changes). */
export function useApi<T>(path: string, query: Query = {}): Loaded<T> {
  const user = useSessionUser()
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [tick, setTick] = useState(0)
  const seq = useRef(0)
  const key = JSON.stringify(query)

  useEffect(() => {
    if (!user) {
      setData(null)
      setLoading(false)
      return
    }
    const mine = ++seq.current
    setLoading(true)
    setError(null)
    api
      .get<T>(path, { query, toast: false })
      .then((d) => {
        if (mine === seq.current) setData(d)
      })
      .catch((e) => {
        if (mine === seq.current) setError(messageOf(e))
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false)
      })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, key, user?.id, tick])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data, error, loading, signedIn: user !== null, reload }
}

export interface PageOf<Item> {
  page: number
  pageSize: number
  total: number
  items: Item[]
}

export interface PagedLoaded<Item, R extends PageOf<Item>> extends Loaded<R> {
  /** Every item loaded so far (page 1 … n). */
  items: Item[]
  hasMore: boolean
  loadingMore: boolean
  /** An error while loading a further page (the loaded ones stay). */
  moreError: string | null
  loadMore: () => void
}

/** A paged list: page 1 on every change of `query`, then `loadMore()` appends the next page. */
export function usePaged<Item, R extends PageOf<Item>>(path: string, query: Query = {}, pageSize = 20): PagedLoaded<Item, R> {
  const first = useApi<R>(path, { ...query, page: 1, pageSize })
  const [more, setMore] = useState<{ key: string; items: Item[]; page: number }>({ key: '', items: [], page: 1 })
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const key = JSON.stringify(query)
  const firstData = first.data

  // a new first page (new filter, reload, sign-in) starts the list again
  useEffect(() => {
    setMore({ key, items: [], page: 1 })
    setMoreError(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstData])

  const items = firstData ? [...firstData.items, ...(more.key === key ? more.items : [])] : []
  const total = firstData?.total ?? 0
  const hasMore = firstData !== null && items.length < total

  const loadMore = useCallback(() => {
    if (!hasMore || loadingMore) return
    const page = (more.key === key ? more.page : 1) + 1
    setLoadingMore(true)
    setMoreError(null)
    api
      .get<R>(path, { query: { ...query, page, pageSize }, toast: false })
      .then((r) => setMore((m) => ({ key, items: [...(m.key === key ? m.items : []), ...r.items], page })))
      .catch((e) => setMoreError(messageOf(e)))
      .finally(() => setLoadingMore(false))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasMore, loadingMore, more, key, path, pageSize])

  return { ...first, items, hasMore, loadingMore, moreError, loadMore }
}
