/**
 * Standalone fake Microsoft identity + Graph for driving the app by hand:
 *   npm run fake:graph -- --port 4020
 * Prints the URL and client id; steer it with curl on /__admin/... (see tests/fakes/README.md).
 */
import { parseArgs } from 'node:util'
import { startFakeGraph } from './index'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4020' },
    latency: { type: 'string' },
    'token-ttl': { type: 'string' },
  },
})

const fake = await startFakeGraph({
  port: Number(values.port),
  ...(values.latency ? { latencyMs: Number(values.latency) } : {}),
  ...(values['token-ttl'] ? { accessTokenTtlS: Number(values['token-ttl']) } : {}),
})
console.log(`fake Microsoft Graph listening on ${fake.url}`)
console.log(`  authority:  ${fake.url}/common   (authorize/token under /common/oauth2/v2.0/)`)
console.log(`  graph root: ${fake.url}/v1.0`)
console.log(`  client id:  ${fake.clientId}   (public client: no secret)`)
console.log(`  default calendar: ${fake.defaultCalendarId}`)
console.log(`  admin: curl ${fake.url}/__admin/state`)

const stop = (): void => {
  void fake.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
