import { useEffect, useState } from 'react'

/** The PC web hall: H5 at 768 CSS px or wider. Always false in the mini-program. */
export const WIDE_MIN_WIDTH = 768

function isWide(): boolean {
  return process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.innerWidth >= WIDE_MIN_WIDTH
}

export function useWideScreen(): boolean {
  const [wide, setWide] = useState(isWide)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const onResize = () => setWide(isWide())
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return wide
}
