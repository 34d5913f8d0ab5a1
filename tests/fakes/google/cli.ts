/**
 * Standalone fake Google (OAuth + Calendar v3) for driving the app by hand through the bridge:
 *   npm run fake:google -- --port 4010 --calendar shop@group.calendar.google.com="Shop bookings"
 * then point the app at it (SHOP_GOOGLE_OAUTH_URL / SHOP_GOOGLE_API_URL = the printed URL, and the
 * printed client id/secret), and steer it with curl on /__admin/... (see README.md next to this file).
 */
import { parseArgs } from 'node:util'
import { startFakeGoogle } from './index'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    quota: { type: 'string' },
    'token-ttl': { type: 'string' },
    'testing-mode': { type: 'boolean', default: false },
    calendar: { type: 'string', multiple: true, default: [] },
    'time-zone': { type: 'string', default: 'UTC' },
  },
})

const quota = values.quota === undefined ? undefined : values.quota === 'off' ? null : Number(values.quota)
const fake = await startFakeGoogle({
  port: Number(values.port),
  ...(quota !== undefined ? { quotaPerMinute: quota } : {}),
  ...(values['token-ttl'] ? { accessTokenTtlS: Number(values['token-ttl']) } : {}),
  testingMode: values['testing-mode'],
})
for (const spec of values.calendar) {
  const [id, summary] = spec.split('=')
  if (id) fake.addCalendar({ id, summary: summary ?? id, timeZone: values['time-zone'] })
}

console.log(`fake Google listening on ${fake.url}`)
console.log(`  SHOP_GOOGLE_OAUTH_URL=${fake.url}`)
console.log(`  SHOP_GOOGLE_API_URL=${fake.url}/`)
console.log(`  SHOP_GOOGLE_CLIENT_ID=${fake.clientId}`)
console.log(`  SHOP_GOOGLE_CLIENT_SECRET=${fake.clientSecret}`)
console.log(`  admin: curl ${fake.url}/__admin/state`)

const stop = (): void => {
  void fake.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
