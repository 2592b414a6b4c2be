import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { Input } from '@nutui/nutui-react-taro'
import { Scan } from '@nutui/icons-react-taro'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { CONFIRM_PAGE_URL } from '../../../pages/login/nav'
import { MANUAL_CODE_ENTRY } from '../../../platform'
import { handleScannedText } from '../../../utils/scanned'
import { cameraProblem, decodeVideoFrame, loadDecoder } from '../../lib/frameDecoder'
import { formatShortCode, LOGIN_SHORT_CODE_LENGTH, normalizeLoginShortCode, shortCodeProblem } from '../../lib/shortCode'
import { roleProps } from '../../../pages/login/a11y'
import '../../styles/auth.scss'
import './index.scss'

const IS_H5 = process.env.TARO_ENV === 'h5'
/** Time between decoded frames: fast enough to feel instant, light enough for old phones. */
const SCAN_INTERVAL_MS = 180

type CameraState = 'off' | 'starting' | 'on' | 'failed'

/**
 * 扫一扫. H5: the rear camera in the page (getUserMedia), frames decoded with jsQR; the mini-program: the native
 * scanner. What is read goes where it belongs (a login QR → confirm page; a proof's QR → verification).
 * `?purpose=login` adds the typed 登录码 fallback for when the camera can't be used; otherwise `?manual=<url>`
 * names the page for typing a code by hand (default: 证明验证).
 */
export default function ScanPage() {
  const { params } = useRouter()
  const forLogin = params.purpose === 'login'
  const manualUrl = params.manual ? decodeURIComponent(params.manual) : MANUAL_CODE_ENTRY

  const [camera, setCamera] = useState<CameraState>('off')
  const [cameraText, setCameraText] = useState('')
  const [hint, setHint] = useState('')
  const [code, setCode] = useState('')
  const [codeProblem, setCodeProblem] = useState<string | null>(null)

  const streamRef = useRef<MediaStream | null>(null)
  const timerRef = useRef<ReturnType<typeof setInterval> | null>(null)
  const handled = useRef(false)
  const starting = useRef(false)
  const lastUnknown = useRef('')
  const viewportId = 'scan-viewport'

  /** A QR was read: go where it belongs, replacing this page. Unknown codes: say so and keep scanning. */
  const onText = useCallback((text: string) => {
    if (handled.current) return
    if (handleScannedText(text, { replace: true, quiet: true })) {
      handled.current = true
      stopCamera()
      return
    }
    if (lastUnknown.current !== text) {
      lastUnknown.current = text
      setHint('无法识别该二维码，请扫描掌上社保网上服务大厅的登录二维码或证明上的二维码')
    }
  }, [])

  function stopCamera() {
    if (timerRef.current) clearInterval(timerRef.current)
    timerRef.current = null
    streamRef.current?.getTracks().forEach((t) => t.stop())
    streamRef.current = null
    const video = document.getElementById(viewportId)?.querySelector('video')
    if (video) video.srcObject = null
  }

  const startCamera = useCallback(async () => {
    if (!IS_H5 || streamRef.current || starting.current || handled.current) return
    starting.current = true
    setCamera('starting')
    setCameraText('')
    try {
      if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
        throw Object.assign(new Error('no getUserMedia'), { name: 'Unsupported' })
      }
      const [stream, decode] = await Promise.all([
        navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }),
        loadDecoder()
      ])
      const box = document.getElementById(viewportId)
      if (!box) {
        stream.getTracks().forEach((t) => t.stop())
        return
      }
      streamRef.current = stream
      let video = box.querySelector('video')
      if (!video) {
        video = document.createElement('video')
        video.className = 'scan__video'
        video.setAttribute('playsinline', 'true')
        video.setAttribute('aria-label', '摄像头画面')
        video.muted = true
        box.prepend(video)
      }
      video.srcObject = stream
      await video.play().catch(() => undefined)
      const canvas = document.createElement('canvas')
      const v = video
      timerRef.current = setInterval(() => {
        const text = decodeVideoFrame(v, canvas, decode)
        if (text) onText(text)
      }, SCAN_INTERVAL_MS)
      setCamera('on')
    } catch (e) {
      stopCamera()
      setCamera('failed')
      setCameraText(cameraProblem(e))
    } finally {
      starting.current = false
    }
  }, [onText])

  useEffect(() => {
    void startCamera()
    return stopCamera
  }, [startCamera])
  // leaving the page (another page on top) frees the camera; coming back turns it on again
  useDidHide(() => {
    stopCamera()
    if (IS_H5) setCamera('off')
  })
  useDidShow(() => {
    if (IS_H5 && !streamRef.current) void startCamera()
  })

  const nativeScan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
      if (res.result) onText(res.result)
    } catch {
      // cancelled
    }
  }

  const submitCode = () => {
    const problem = shortCodeProblem(code)
    setCodeProblem(problem)
    if (problem) return
    stopCamera()
    handled.current = true
    Taro.redirectTo({ url: `${CONFIRM_PAGE_URL}?code=${encodeURIComponent(normalizeLoginShortCode(code))}` })
  }

  return (
    <PageShell className='scan'>
      <View className='auth-narrow'>
        {IS_H5 ? (
          <View className='scan__camera' data-camera={camera}>
            <View id={viewportId} className='scan__viewport'>
              <View className='scan__frame' aria-hidden='true'>
                <View className='scan__corner scan__corner--tl' />
                <View className='scan__corner scan__corner--tr' />
                <View className='scan__corner scan__corner--bl' />
                <View className='scan__corner scan__corner--br' />
                {camera === 'on' && <View className='scan__line' />}
              </View>
              {camera !== 'on' && (
                <View className='scan__camera-msg'>
                  <Scan size={36} color='#ffffff' />
                  <Text className='scan__camera-text'>
                    {camera === 'failed' ? cameraText : '正在打开摄像头…'}
                  </Text>
                  {camera === 'failed' && (
                    <Button size='small' type='primary' fill='outline' className='scan__retry' onClick={() => void startCamera()}>
                      重试
                    </Button>
                  )}
                </View>
              )}
            </View>
            <Text className='scan__tip' aria-live='polite'>
              {hint ||
                (camera === 'failed'
                  ? forLogin
                    ? '请在下方输入电脑上显示的登录码'
                    : '请手动输入证明上的授权码'
                  : forLogin
                    ? '将电脑上的登录二维码放入框内，即可自动识别'
                    : '将二维码放入框内，即可自动识别')}
            </Text>
          </View>
        ) : (
          <View className='auth-result'>
            <View className='auth-result__icon'>
              <Scan size={36} color='#1677ff' />
            </View>
            <Text className='auth-result__title'>扫一扫</Text>
            <Text className='auth-result__text'>{hint || '扫描电脑上的登录二维码或证明上的二维码'}</Text>
            <View className='auth-actions scan__wide'>
              <Button block type='primary' icon={<Scan />} onClick={nativeScan}>
                打开扫一扫
              </Button>
            </View>
          </View>
        )}

        {forLogin ? (
          <View className='scan__manual'>
            <Text className='sb-section-title'>无法扫码？输入登录码</Text>
            <View className='sb-card'>
              <Text className='auth-label' id='scan-code-label'>
                登录码（电脑上二维码下方的 {LOGIN_SHORT_CODE_LENGTH} 位字母和数字）
              </Text>
              <View className='sb-field'>
                <Input
                  name='shortCode'
                  value={code}
                  maxLength={LOGIN_SHORT_CODE_LENGTH + 2}
                  placeholder='例如 ABCD-EFGH'
                  clearable
                  onChange={(v) => {
                    setCode(formatShortCode(v))
                    setCodeProblem(null)
                  }}
                  onConfirm={submitCode}
                  aria-labelledby='scan-code-label'
                />
              </View>
              {codeProblem && <Text className='auth-problem'>{codeProblem}</Text>}
              <Button className='auth-submit' block type='primary' onClick={submitCode}>
                确定
              </Button>
            </View>
          </View>
        ) : (
          <View className='scan__manual scan__manual--link'>
            <View className='auth-link' {...roleProps('link')} onClick={() => Taro.redirectTo({ url: manualUrl })}>
              无法扫码？手动输入授权码
            </View>
          </View>
        )}
      </View>
    </PageShell>
  )
}
