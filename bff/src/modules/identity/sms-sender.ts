// SMS goes through this interface. The development sender below keeps every message in the sms_outbox table (so a
// developer, the seed's demo and the tests can read the code) and logs that it did, with the phone masked. A real
// gateway adapter (the province's SMS platform) implements `send` and is chosen in identity's deps; until one
// exists, production keeps using the outbox and the startup log warns about it.
import { maskPhone } from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { Logger } from '../../http/logger.ts'

export interface SmsMessage {
  phone: string
  content: string
  /** Why it is sent (ACTIVATE, …): for logs and gateway templates. */
  purpose: string
}

export interface SmsSender {
  readonly id: string
  send(message: SmsMessage): Promise<void>
}

export class OutboxSmsSender implements SmsSender {
  readonly id = 'outbox'

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
    /** Print the message text in the log too (development only; the code is in the outbox either way). */
    private readonly logContent = false
  ) {}

  async send(message: SmsMessage): Promise<void> {
    const row = await this.prisma.smsOutbox.create({ data: { phone: message.phone, content: message.content } })
    const line: Record<string, unknown> = { outboxId: row.id, to: maskPhone(message.phone), purpose: message.purpose }
    if (this.logContent) line['text'] = message.content
    this.logger.info(line, 'SMS written to sms_outbox (development sender, not delivered)')
  }
}
