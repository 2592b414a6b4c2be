/**
 * 列表编辑 of a form change matter, rendered from the catalogue's list definition (formLists): the current entries
 * (GET /api/unit/info) with 修改 / 删除, the entries added in this case with 修改 / 移除, and an inline form to add
 * or modify one entry. Nothing is saved here: the parent puts the changes into the case form (保存 / 下一步).
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/Button'
import { toastError } from '../../../services/toast'
import {
  entrySummary,
  entryValues,
  listFields,
  missingFields,
  modificationSummary,
  toEntry,
  toModification,
  type FormListT,
  type ListChanges,
  type ListEntry
} from '../../lib/lists'
import FieldControl from '../FieldControl'
import type { Values } from '../Wizard/fields'
import './index.scss'

export interface ListEditorProps {
  list: FormListT
  /** Current entries; null while loading. */
  entries: ListEntry[] | null
  /** Why the entries could not be loaded. */
  loadError?: string
  value: ListChanges
  onChange: (next: ListChanges) => void
  disabled?: boolean
}

type Editing = { mode: 'add'; index: number | null } | { mode: 'modify'; entry: ListEntry }

export default function ListEditor({ list, entries, loadError, value, onChange, disabled }: ListEditorProps) {
  const [editing, setEditing] = useState<Editing | null>(null)
  const [draft, setDraft] = useState<Values>({})
  const name = list.itemName

  const open = (e: Editing, start: Values) => {
    setEditing(e)
    setDraft(start)
  }
  const close = () => {
    setEditing(null)
    setDraft({})
  }

  const confirm = () => {
    if (!editing) return
    if (editing.mode === 'add') {
      const missing = missingFields(list, draft)
      if (missing.length) return toastError(`请填写${missing.join('、')}`)
      const entry = toEntry(list, draft)
      const add = [...value.add]
      if (editing.index === null) add.push(entry)
      else add[editing.index] = entry
      onChange({ ...value, add })
    } else {
      const mod = toModification(list, editing.entry, draft)
      const others = value.modify.filter((m) => m.id !== editing.entry.id)
      if (!mod && others.length === value.modify.length) return toastError('未修改任何信息')
      onChange({ ...value, modify: mod ? [...others, mod] : others })
    }
    close()
  }

  const toggleRemove = (id: number) =>
    onChange(
      value.remove.includes(id)
        ? { ...value, remove: value.remove.filter((r) => r !== id) }
        : { ...value, remove: [...value.remove, id], modify: value.modify.filter((m) => m.id !== id) }
    )

  const fields = editing ? listFields(list, editing.mode) : []
  const current = entries ?? []

  return (
    <View className='sb-card mw-list' data-list={list.key}>
      <Text className='mw-card-title'>{list.label}</Text>
      {list.note && <Text className='mw-hint'>{list.note}</Text>}
      {entries === null && <Text className='mw-hint'>{loadError || `正在读取现有${name}…`}</Text>}
      {entries !== null && current.length === 0 && value.add.length === 0 && <Text className='mw-hint'>暂无{name}</Text>}

      {current.map((e) => {
        const removed = value.remove.includes(e.id)
        const mod = value.modify.find((m) => m.id === e.id)
        return (
          <View key={e.id} className={`mw-list__item ${removed ? 'is-removed' : ''}`} data-id={e.id}>
            <View className='mw-list__main'>
              <Text className='mw-list__text'>{entrySummary(list, e)}</Text>
              {mod && <Text className='mw-list__change'>修改为 {modificationSummary(list, mod)}</Text>}
            </View>
            <View className='mw-list__side'>
              {removed && <Text className='mw-tag mw-tag--required'>待删除</Text>}
              {mod && !removed && <Text className='mw-tag mw-tag--group'>待修改</Text>}
              {!disabled && (
                <View className='mw-list__ops'>
                  {!removed && (
                    <Text className='mw-link mw-list__modify' onClick={() => open({ mode: 'modify', entry: e }, entryValues(list, { ...e, ...(mod ?? {}) }))}>
                      修改
                    </Text>
                  )}
                  <Text className='mw-link mw-list__remove' onClick={() => toggleRemove(e.id)}>
                    {removed ? '撤销删除' : '删除'}
                  </Text>
                </View>
              )}
            </View>
          </View>
        )
      })}

      {value.add.map((a, i) => (
        <View key={`new-${i}`} className='mw-list__item is-new' data-new={i}>
          <View className='mw-list__main'>
            <Text className='mw-list__text'>{entrySummary(list, a)}</Text>
          </View>
          <View className='mw-list__side'>
            <Text className='mw-tag mw-tag--optional'>新增</Text>
            {!disabled && (
              <View className='mw-list__ops'>
                <Text className='mw-link' onClick={() => open({ mode: 'add', index: i }, entryValues(list, a))}>
                  修改
                </Text>
                <Text className='mw-link mw-list__drop' onClick={() => onChange({ ...value, add: value.add.filter((_, k) => k !== i) })}>
                  移除
                </Text>
              </View>
            )}
          </View>
        </View>
      ))}

      {editing && (
        <View className='mw-list__form'>
          <Text className='mw-list__form-title'>
            {editing.mode === 'add' ? (editing.index === null ? `添加${name}` : `修改新增的${name}`) : `修改${name}：${entrySummary(list, editing.entry)}`}
          </Text>
          {fields.map((f) => (
            <FieldControl
              key={f.field}
              field={f}
              namePrefix={`${list.key}.`}
              value={draft[f.field]}
              onChange={(v) => setDraft((s) => ({ ...s, [f.field]: v }))}
            />
          ))}
          <View className='mw-list__form-buttons'>
            <Button size='small' onClick={close}>
              取消
            </Button>
            <Button size='small' type='primary' onClick={confirm} className='mw-list__confirm'>
              确定
            </Button>
          </View>
        </View>
      )}
      {!editing && !disabled && (
        <Button size='small' fill='outline' type='primary' onClick={() => open({ mode: 'add', index: null }, {})} className='mw-list__add'>
          添加{name}
        </Button>
      )}
    </View>
  )
}
