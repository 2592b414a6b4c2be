// Identity admin CLI (for administrators; the seed creates the demo accounts itself):
//
//   tsx bff/src/modules/identity/cli.ts reviewer:create --username <u> --name <姓名> (--password <p> | --password-stdin) [--region <code>]
//   tsx bff/src/modules/identity/cli.ts clerk:add --unit-no <单位编号> --id-number <证件号码> --name <姓名> --phone <手机> [--department <部门>]
//   tsx bff/src/modules/identity/cli.ts clerk:remove --unit-no <单位编号> --id-number <证件号码>
//
// Reads DATABASE_URL like the BFF (bff/src/config.ts). Prefer --password-stdin (`read -s P; echo "$P" | tsx … --password-stdin`):
// a password given on the command line is visible in the process list and the shell history.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../../config.ts'
import { createPrisma } from '../../db/client.ts'
import { AdminInputError, createReviewer } from './create-reviewer.ts'
import { addUnitClerk, removeUnitClerk } from './manage-unit-clerks.ts'
import { maskIdNumber } from '@shebao/shared'

const USAGE = `usage:
  tsx bff/src/modules/identity/cli.ts reviewer:create --username <u> --name <姓名> (--password <p> | --password-stdin) [--region <code>]
  tsx bff/src/modules/identity/cli.ts clerk:add --unit-no <单位编号> --id-number <证件号码> --name <姓名> --phone <手机号码> [--department <部门>]
  tsx bff/src/modules/identity/cli.ts clerk:remove --unit-no <单位编号> --id-number <证件号码>`

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

function need(values: Record<string, string | boolean | undefined>, ...names: string[]): void {
  const missing = names.filter((n) => typeof values[n] !== 'string' || values[n] === '')
  if (missing.length) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}`)
}

class UsageError extends Error {}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      region: { type: 'string' },
      'unit-no': { type: 'string' },
      'id-number': { type: 'string' },
      phone: { type: 'string' },
      department: { type: 'string' }
    },
    strict: true
  })
  const config = loadConfig()
  const prisma = createPrisma(config.databaseUrl, { poolSize: 2 })
  try {
    switch (command) {
      case 'reviewer:create': {
        need(values, 'username', 'name')
        const password = values['password-stdin'] ? await readStdinLine() : values.password
        if (!password) throw new UsageError('give --password or --password-stdin')
        const r = await createReviewer(prisma, { username: values.username!, name: values.name!, password, regionCode: values.region })
        console.log(`reviewer created: id ${r.id}, username ${r.username}`)
        return 0
      }
      case 'clerk:add': {
        need(values, 'unit-no', 'id-number', 'name', 'phone')
        const r = await addUnitClerk(prisma, {
          unitNo: values['unit-no']!,
          idNumber: values['id-number']!,
          name: values.name!,
          phone: values.phone!,
          department: values.department
        })
        console.log(
          `clerk authorised: unit ${values['unit-no']} ← ${maskIdNumber(values['id-number']!)} (clerk id ${r.clerkId}` +
            `${r.personId === null ? ', no person record yet: matched by ID number at sign-in' : `, person ${r.personId}`})`
        )
        return 0
      }
      case 'clerk:remove': {
        need(values, 'unit-no', 'id-number')
        const r = await removeUnitClerk(prisma, { unitNo: values['unit-no']!, idNumber: values['id-number']! })
        console.log(r.removed ? `clerk authorisation withdrawn; ${r.sessionsRevoked} unit session(s) revoked` : 'no active authorisation for that ID number in that unit')
        return r.removed ? 0 : 1
      }
      default:
        throw new UsageError(command ? `unknown command ${command}` : 'no command')
    }
  } finally {
    await prisma.$disconnect()
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (isMain) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof UsageError || (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
        console.error(`${err.message}\n\n${USAGE}`)
        process.exit(2)
      }
      if (err instanceof AdminInputError || err instanceof ConfigError) {
        console.error(err.message)
        process.exit(1)
      }
      console.error(err)
      process.exit(1)
    }
  )
}
