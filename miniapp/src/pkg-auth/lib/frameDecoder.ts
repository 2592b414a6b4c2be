/**
 * H5 camera scanning: grab a video frame onto a canvas, hand its pixels to jsQR (a maintained pure-JS QR decoder,
 * loaded lazily so the scan page opens before its ~40 KB gzip arrive). Frames are scaled down to at most
 * `MAX_SCAN_EDGE` px on the long edge: phones deliver 720p–1080p, and jsQR's time grows with the pixel count.
 */
export const MAX_SCAN_EDGE = 640

export type QrDecoder = (data: Uint8ClampedArray, width: number, height: number) => string | null

let decoderPromise: Promise<QrDecoder> | null = null

/** jsQR, loaded once. */
export function loadDecoder(): Promise<QrDecoder> {
  if (!decoderPromise) {
    // H5 only (the mini-program scans natively): the constant condition keeps jsQR out of the weapp build
    decoderPromise =
      process.env.TARO_ENV === 'h5'
        ? import('jsqr').then((m) => {
            const jsQR = ((m as unknown as { default?: unknown }).default ?? m) as typeof import('jsqr').default
            return (data: Uint8ClampedArray, width: number, height: number) =>
              jsQR(data, width, height, { inversionAttempts: 'attemptBoth' })?.data ?? null
          })
        : Promise.reject(new Error('the camera scanner is H5 only'))
    decoderPromise.catch(() => {
      decoderPromise = null // a failed chunk load may succeed on the next try
    })
  }
  return decoderPromise
}

/** The size to draw a `w`×`h` frame at so its long edge is at most `max`. */
export function scaledSize(w: number, h: number, max = MAX_SCAN_EDGE): { width: number; height: number } {
  const k = Math.min(1, max / Math.max(w, h, 1))
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)) }
}

/** Decode one frame of `video` (null when no QR is in view or the video has no frame yet). */
export function decodeVideoFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, decode: QrDecoder): string | null {
  if (video.readyState < 2 || !video.videoWidth || !video.videoHeight) return null
  const { width, height } = scaledSize(video.videoWidth, video.videoHeight)
  if (canvas.width !== width) canvas.width = width
  if (canvas.height !== height) canvas.height = height
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | null
  if (!ctx) return null
  ctx.drawImage(video, 0, 0, width, height)
  const { data } = ctx.getImageData(0, 0, width, height)
  return decode(data, width, height)
}

/** A camera error in words a person can act on (the page adds what to do instead). */
export function cameraProblem(err: unknown): string {
  const name = (err as { name?: string } | null)?.name ?? ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return '未获得摄像头权限，请在浏览器设置中允许使用摄像头'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '未找到可用的摄像头'
  if (name === 'NotReadableError' || name === 'AbortError') return '摄像头被其他应用占用，请关闭后重试'
  if (name === 'Unsupported') return '当前浏览器不支持网页扫码（须通过 HTTPS 访问）'
  return '无法打开摄像头'
}
