import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/Button'
import type { ValidationResultT } from '../../lib/types'

function yuan(fen: unknown): string {
  return typeof fen === 'number' ? (fen / 100).toFixed(2) : ''
}

/** 校验通过 / 校验不通过 lists: row, column and the reason in Chinese; 保存 saves the passed rows. */
export default function ValidationLists({ result, rowLabel, onSave, busy }: { result: ValidationResultT; rowLabel: string; onSave?: () => void; busy?: boolean }) {
  return (
    <View className='mw-valid'>
      <View className='sb-card mw-valid__passed'>
        <Text className='mw-card-title'>
          校验通过 <Text className='mw-count mw-count--ok'>{result.passedCount}</Text> 条
          {result.savedCount > 0 && <Text className='mw-hint-inline'>（已保存 {result.savedCount} 条）</Text>}
        </Text>
        {result.passed.length > 0 && (
          <View className='mw-table'>
            <View className='mw-table__row mw-table__row--head'>
              <Text className='mw-table__cell mw-table__cell--narrow'>{rowLabel}</Text>
              <Text className='mw-table__cell'>姓名</Text>
              <Text className='mw-table__cell mw-table__cell--wide'>证件号码</Text>
              <Text className='mw-table__cell'>核定基数(元)</Text>
            </View>
            {result.passed.map((p) => (
              <View key={p.row} className='mw-table__row'>
                <Text className='mw-table__cell mw-table__cell--narrow'>{p.row}</Text>
                <Text className='mw-table__cell'>{p.name ?? ''}</Text>
                <Text className='mw-table__cell mw-table__cell--wide'>{p.idNumber ?? ''}</Text>
                <Text className='mw-table__cell'>{yuan(p.derived?.base)}</Text>
              </View>
            ))}
          </View>
        )}
        {onSave && (
          <Button type='primary' block disabled={busy} onClick={onSave} className='mw-valid__save'>
            保存校验通过的 {result.passedCount} 条
          </Button>
        )}
      </View>
      {result.failedCount > 0 && (
        <View className='sb-card mw-valid__failed'>
          <Text className='mw-card-title'>
            校验不通过 <Text className='mw-count mw-count--bad'>{result.failedCount}</Text> 处
          </Text>
          <Text className='mw-hint'>请根据不通过原因修改后重新校验</Text>
          <View className='mw-table'>
            <View className='mw-table__row mw-table__row--head'>
              <Text className='mw-table__cell mw-table__cell--narrow'>{rowLabel}</Text>
              <Text className='mw-table__cell'>列</Text>
              <Text className='mw-table__cell mw-table__cell--wide'>不通过原因</Text>
            </View>
            {result.failed.map((f, i) => (
              <View key={i} className='mw-table__row'>
                <Text className='mw-table__cell mw-table__cell--narrow'>{f.row}</Text>
                <Text className='mw-table__cell'>{f.column}</Text>
                <Text className='mw-table__cell mw-table__cell--wide mw-bad'>{f.reason}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
