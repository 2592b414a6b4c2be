import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { API_BASE } from '../../../services/api'
import { getAccessToken } from '../../../services/session'

const cache = new Map<string, string>()

/** Load an image that needs the bearer token (materials are private): blob URL on H5, temp file on weapp. */
async function load(url: string): Promise<string> {
  const hit = cache.get(url)
  if (hit) return hit
  const token = getAccessToken()
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  let src: string
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile({ url: API_BASE + url, header })
    if (res.statusCode !== 200) throw new Error('load failed')
    src = res.tempFilePath
  } else {
    const res = await fetch(API_BASE + url, { headers: header })
    if (!res.ok) throw new Error('load failed')
    src = URL.createObjectURL(await res.blob())
  }
  cache.set(url, src)
  return src
}

export interface AuthImageProps {
  url: string
  className?: string
  alt?: string
  /** Tap to see it full size (previewImage). */
  preview?: boolean
}

export default function AuthImage({ url, className, alt, preview = true }: AuthImageProps) {
  const [src, setSrc] = useState<string | null>(cache.get(url) ?? null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    load(url)
      .then((s) => live && setSrc(s))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [url])
  if (!src) return <View className={`${className ?? ''} sb-thumb--empty`}>{failed ? '加载失败' : '加载中'}</View>
  return (
    <Image
      className={className}
      src={src}
      mode='aspectFill'
      ariaLabel={alt}
      onClick={() => {
        if (!preview) return
        if (process.env.TARO_ENV === 'h5') window.open(src, '_blank')
        else Taro.previewImage({ urls: [src], current: src })
      }}
    />
  )
}
