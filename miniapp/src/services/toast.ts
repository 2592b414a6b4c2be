/**
 * Imperative NutUI Toast. Every page renders `<Toast id={TOAST_ID} />` through PageShell; NutUI scopes the id to
 * the current page's route, so a toast always shows on the page the user is looking at.
 */
import { Toast } from '@nutui/nutui-react-taro'

export const TOAST_ID = 'sb-toast'

export function toastError(message: string) {
  Toast.show(TOAST_ID, { content: message, icon: 'fail', duration: 2.5 })
}

export function toastSuccess(message: string) {
  Toast.show(TOAST_ID, { content: message, icon: 'success', duration: 1.5 })
}

export function toastText(message: string) {
  Toast.show(TOAST_ID, { content: message, duration: 2 })
}

let loadingDepth = 0

/** Show a loading toast while `work` runs (nested calls share one toast). */
export async function withLoading<T>(work: Promise<T> | (() => Promise<T>), text = '加载中'): Promise<T> {
  if (loadingDepth++ === 0) {
    Toast.show(TOAST_ID, { content: text, icon: 'loading', duration: 0, lockScroll: true })
  }
  try {
    return await (typeof work === 'function' ? work() : work)
  } finally {
    if (--loadingDepth === 0) Toast.hide(TOAST_ID)
  }
}
