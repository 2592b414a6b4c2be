import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { ArrowRight, Eye, EyeF, Scan, Setting } from '@nutui/icons-react-taro'
import { CardStatuses, type CardResponse } from '@shebao/shared'
import { useSessionUser } from '../../hooks/useSession'
import { scanCode } from '../../platform'
import { api, ApiError } from '../../services/api'
import { toastError } from '../../services/toast'
import { handleScannedText } from '../../utils/scanned'
import { roleProps } from '../login/a11y'
import { CHANGE_PIN_PAGE_URL } from '../login/nav'
import './EsscCard.scss'

/** Card number in groups of four for reading (masked digits stay as they are). */
function groupCardNo(no: string): string {
  return no.replace(/(.{4})(?=.)/g, '$1 ')
}

/**
 * 我的 → 电子社保卡: the card masked by default; the eye (小眼睛) asks the server for the owner's own card number,
 * name and ID number in full (`GET /api/me/card?reveal=1`, audited) and hides them again on the next tap.
 * Below it: 扫码登录 for the PC web hall and 修改密码. Shown to a signed-in individual (the card is theirs).
 */
export default function EsscCard() {
  const user = useSessionUser()
  const [card, setCard] = useState<CardResponse | null>(null)
  const [revealed, setRevealed] = useState<CardResponse | null>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState('')
  const personId = user?.role === 'PERSON' ? user.id : null

  useEffect(() => {
    setCard(null)
    setRevealed(null)
    setFailed('')
    if (!personId) return
    let live = true
    api
      .get<CardResponse>('/api/me/card', { toast: false })
      .then((c) => live && setCard(c))
      .catch((e) => live && setFailed(e instanceof ApiError ? e.message : '电子社保卡加载失败'))
    return () => {
      live = false
    }
  }, [personId])

  if (!personId) return null

  const toggle = async () => {
    if (revealed) {
      setRevealed(null)
      return
    }
    setBusy(true)
    try {
      setRevealed(await api.get<CardResponse>('/api/me/card', { query: { reveal: 1 }, toast: false }))
    } catch (e) {
      toastError(e instanceof ApiError ? e.message : '暂时无法显示，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  const scanLogin = async () => {
    const text = await scanCode({ purpose: 'login' })
    if (text) handleScannedText(text)
  }

  const shown = revealed ?? card
  return (
    <View className='essc'>
      <Text className='sb-section-title'>电子社保卡</Text>
      <View className='essc__card' data-revealed={revealed ? 'true' : 'false'}>
        <View className='essc__top'>
          <View className='essc__emblem'>
            <Text className='essc__emblem-text'>社</Text>
          </View>
          <View className='essc__titles'>
            <Text className='essc__title'>中华人民共和国社会保障卡</Text>
            <Text className='essc__subtitle'>电子社保卡{shown ? ` · ${shown.issueLevel}` : ''}</Text>
          </View>
          {shown && <Text className={`essc__status essc__status--${shown.status.toLowerCase()}`}>{CardStatuses.label(shown.status)}</Text>}
        </View>
        {shown ? (
          <>
            <View className='essc__row'>
              <Text className='essc__name'>{shown.holder.name}</Text>
              <View
                className={`essc__eye${busy ? ' essc__eye--busy' : ''}`}
                onClick={busy ? undefined : toggle}
                {...roleProps('button')}
                aria-label={revealed ? '隐藏卡号和证件号码' : '显示完整卡号和证件号码'}
                aria-pressed={revealed ? 'true' : 'false'}
              >
                {revealed ? <EyeF size={18} color='#ffffff' /> : <Eye size={18} color='#ffffff' />}
                <Text className='essc__eye-text'>{revealed ? '隐藏' : '显示'}</Text>
              </View>
            </View>
            <View className='essc__line'>
              <Text className='essc__k'>社会保障卡号</Text>
              <Text className='essc__v essc__card-no'>{groupCardNo(shown.cardNo)}</Text>
            </View>
            <View className='essc__line'>
              <Text className='essc__k'>证件号码</Text>
              <Text className='essc__v essc__id'>{shown.holder.idNumber}</Text>
            </View>
          </>
        ) : (
          <Text className='essc__loading'>{failed || '加载中…'}</Text>
        )}
      </View>
      <Cell.Group className='sb-links essc__links'>
        <Cell
          title={
            <View className='essc__cell-title'>
              <Scan size={18} color='#1677ff' />
              <Text className='essc__cell-text'>扫码登录</Text>
            </View>
          }
          description='扫描电脑上网上服务大厅的登录二维码'
          align='center'
          clickable
          onClick={scanLogin}
          extra={<ArrowRight size={14} />}
        />
        <Cell
          title={
            <View className='essc__cell-title'>
              <Setting size={18} color='#1677ff' />
              <Text className='essc__cell-text'>修改电子社保卡密码</Text>
            </View>
          }
          align='center'
          clickable
          onClick={() => Taro.navigateTo({ url: CHANGE_PIN_PAGE_URL })}
          extra={<ArrowRight size={14} />}
        />
      </Cell.Group>
    </View>
  )
}
