import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { MATERIALS_CONSTRAINT, MATERIALS_HEADER, MATERIALS_RULE } from '@shebao/shared'
import { chooseImages } from '../../../platform/chooseImages'
import { api, ApiError } from '../../../services/api'
import { toastError } from '../../../services/toast'
import { uploadFile } from '../../lib/transfer'
import type { CaseDetailT, MediaInfoT } from '../../lib/types'
import AuthImage from '../AuthImage'

const REQ_LABEL = { REQUIRED: '必传', OPTIONAL: '可选', GROUP: '分组' } as const

export interface MaterialsProps {
  detail: CaseDetailT
  editable: boolean
  onChange?: (detail: CaseDetailT) => void
}

/** 附件材料: per slot 必传/可选/分组, upload photos with progress, thumbnails, remove. */
export default function Materials({ detail, editable, onChange }: MaterialsProps) {
  const [progress, setProgress] = useState<Record<string, number>>({})
  if (detail.materialChecklist.length === 0) return null

  async function add(code: string, room: number) {
    const { images, rejected } = await chooseImages(Math.max(1, room))
    if (rejected.length) toastError(rejected.map((r) => `${r.name}：${r.reason}`).join('；'))
    let latest: CaseDetailT | null = null
    for (const img of images) {
      try {
        setProgress((p) => ({ ...p, [code]: 0 }))
        const media = await uploadFile<MediaInfoT>(
          '/api/media',
          { path: img.path, name: img.file?.name ?? 'photo.jpg', size: img.size, file: img.file },
          (pct) => setProgress((p) => ({ ...p, [code]: pct }))
        )
        latest = await api.post<CaseDetailT>(`/api/cases/${detail.serialNo}/materials`, { materialCode: code, mediaId: media.id })
      } catch (e) {
        toastError(e instanceof ApiError ? e.message : '上传失败，请稍后重试')
      } finally {
        setProgress((p) => {
          const { [code]: _, ...rest } = p
          return rest
        })
      }
    }
    if (latest) onChange?.(latest)
  }

  async function remove(id: number) {
    const next = await api.del<CaseDetailT>(`/api/cases/${detail.serialNo}/materials/${id}`).catch(() => null)
    if (next) onChange?.(next)
  }

  return (
    <View className='mw-materials'>
      <Text className='mw-materials__title'>{MATERIALS_HEADER}</Text>
      <Text className='mw-hint'>{MATERIALS_CONSTRAINT}</Text>
      <Text className='mw-hint'>{MATERIALS_RULE}</Text>
      {detail.materialChecklist.map((slot) => {
        const files = detail.materials.filter((m) => m.materialCode === slot.code)
        const busy = progress[slot.code]
        return (
          <View key={slot.code} className='mw-slot' data-code={slot.code}>
            <View className='mw-slot__head'>
              <Text className={`mw-tag mw-tag--${slot.requirement.toLowerCase()}`}>
                {REQ_LABEL[slot.requirement]}
                {slot.group ? `·${slot.group}` : ''}
              </Text>
              <Text className='mw-slot__name'>{slot.name}</Text>
            </View>
            <View className='mw-slot__files'>
              {files.map((f) => (
                <View key={f.id} className='mw-slot__file'>
                  <AuthImage className='mw-thumb' url={f.url} alt={slot.name} />
                  {editable && (
                    <Text className='mw-slot__remove' onClick={() => remove(f.id)}>
                      ×
                    </Text>
                  )}
                </View>
              ))}
              {editable && files.length < slot.maxFiles && (
                <View className='mw-slot__add' onClick={() => busy === undefined && add(slot.code, slot.maxFiles - files.length)} ariaRole='button' ariaLabel={`上传${slot.name}`}>
                  <Text className='mw-slot__plus'>{busy === undefined ? '+' : `${busy}%`}</Text>
                  <Text className='mw-slot__add-text'>{busy === undefined ? '上传' : '上传中'}</Text>
                </View>
              )}
              {!editable && files.length === 0 && <Text className='mw-hint'>未上传</Text>}
            </View>
          </View>
        )
      })}
    </View>
  )
}
