// The identity admin CLI (reviewer:create, clerk:add, clerk:remove), run in-process against the test database,
// checked through the API: the reviewer can sign in, the clerk is offered the unit at scan-code login.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../bff/src/modules/identity/cli.ts'
import { startBff, type RunningBff } from '../helpers/bff.ts'
import { clientFrom, IdentityFixtures, randomIp } from '../helpers/fixtures.ts'

let bff: RunningBff
let fx: IdentityFixtures
const created: string[] = []

beforeAll(async () => {
  bff = await startBff({ env: { TRUST_PROXY: '1' } })
  fx = new IdentityFixtures(bff.prisma)
})
afterAll(async () => {
  await bff?.prisma.reviewer.deleteMany({ where: { username: { in: created } } })
  await fx?.cleanup()
  await bff?.close()
})

describe('identity CLI', () => {
  it('reviewer:create makes an account that can sign in; weak passwords and duplicates are refused', async () => {
    const username = `cli_${crypto.randomBytes(4).toString('hex')}`
    created.push(username)
    expect(await runCli(['reviewer:create', '--username', username, '--name', '审核员乙', '--password', 'Audit2026pass'])).toBe(0)
    const row = await bff.prisma.reviewer.findUniqueOrThrow({ where: { username } })
    expect(row.passwordHash).toMatch(/^scrypt\$/)
    const r = await clientFrom(bff.baseUrl).post('/api/auth/reviewer/sign-in', { body: { username, password: 'Audit2026pass' } })
    expect(r.status).toBe(200)
    expect(r.body.user.reviewer).toMatchObject({ username, name: '审核员乙' })
    await expect(runCli(['reviewer:create', '--username', username, '--name', 'x', '--password', 'Audit2026pass'])).rejects.toThrow('已存在')
    await expect(runCli(['reviewer:create', '--username', `${username}b`, '--name', 'x', '--password', 'short1'])).rejects.toThrow('至少10位')
    await expect(runCli(['reviewer:create', '--username', `${username}c`, '--name', 'x', '--password', 'onlyletterslong'])).rejects.toThrow('字母和数字')
  })

  it('clerk:add authorises a person for a unit (offered at scan login); clerk:remove withdraws it', async () => {
    const p = await fx.person({ pin: '370915' })
    const unit = await fx.unit()
    expect(await runCli(['clerk:add', '--unit-no', unit.unitNo, '--id-number', p.idNumber, '--name', p.name, '--phone', p.phone, '--department', '办公室'])).toBe(0)
    const clerk = await bff.prisma.unitClerk.findFirstOrThrow({ where: { unitId: unit.id, idNumber: p.idNumber } })
    expect(clerk).toMatchObject({ personId: p.id, active: true, department: '办公室' })

    const ip = randomIp()
    const token = (await clientFrom(bff.baseUrl, ip).post('/api/auth/essc/sign-in', { body: { idNumber: p.idNumber, pin: '370915' } })).body.accessToken
    const ticket = (await clientFrom(bff.baseUrl, ip).post('/api/auth/login-tickets', { body: { target: 'UNIT' } })).body
    const scan = await clientFrom(bff.baseUrl, ip, { token }).post('/api/auth/login-tickets/scan', { body: { ticketId: ticket.ticketId } })
    expect(scan.status).toBe(200)
    expect(scan.body.units).toEqual([{ id: unit.id, unitNo: unit.unitNo, name: unit.name }])

    expect(await runCli(['clerk:remove', '--unit-no', unit.unitNo, '--id-number', p.idNumber])).toBe(0)
    expect((await bff.prisma.unitClerk.findUniqueOrThrow({ where: { id: clerk.id } })).active).toBe(false)
    expect(await runCli(['clerk:remove', '--unit-no', unit.unitNo, '--id-number', p.idNumber])).toBe(1)
    const ticket2 = (await clientFrom(bff.baseUrl, ip).post('/api/auth/login-tickets', { body: { target: 'UNIT' } })).body
    const scan2 = await clientFrom(bff.baseUrl, ip, { token }).post('/api/auth/login-tickets/scan', { body: { ticketId: ticket2.ticketId } })
    expect(scan2.status).toBe(403)

    await expect(runCli(['clerk:add', '--unit-no', 'NO-SUCH-UNIT', '--id-number', p.idNumber, '--name', p.name, '--phone', p.phone])).rejects.toThrow('不存在')
    await expect(runCli(['clerk:add', '--unit-no', unit.unitNo, '--id-number', '123', '--name', p.name, '--phone', p.phone])).rejects.toThrow('证件号码')
    await expect(runCli(['clerk:add', '--unit-no', unit.unitNo])).rejects.toThrow('missing')
  })
})
