import { Text, View } from '@tarojs/components'

/** The wizard's progress bar: 服务说明 → 表单填写 → 确认提交. */
export default function Steps({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <View className='mw-steps' ariaRole='list'>
      {steps.map((s, i) => (
        <View key={s} className={`mw-steps__item ${i < current ? 'is-done' : ''} ${i === current ? 'is-current' : ''}`} ariaRole='listitem'>
          <Text className='mw-steps__dot'>{i < current ? '✓' : i + 1}</Text>
          <Text className='mw-steps__label'>{s}</Text>
        </View>
      ))}
    </View>
  )
}
