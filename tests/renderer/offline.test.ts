/**
 * A desk that lost the shop's server keeps showing what it had (a failed read keeps its last
 * data) and says on every page why nothing can be saved (the banner in the app frame).
 */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { MantineProvider } from '@mantine/core'
import { describe, expect, it } from 'vitest'
import { keepShownWhileOffline } from '../../renderer/src/shared/data/queries'
import { ShopError } from '../../renderer/src/shared/data/shop'
import { OfflineNotice } from '../../renderer/src/features/recovery/OfflineBanner'

const offline = new ShopError({ code: 'offline', message: "The shop's database server cannot be reached, so nothing was saved." })

describe('reads while the server is away', () => {
  it('keep the data they had instead of turning into an error', () => {
    const shown = keepShownWhileOffline({ data: ['Ada Fleet'], error: offline, isError: true, status: 'error' as 'error' | 'success' })
    expect(shown).toMatchObject({ data: ['Ada Fleet'], error: null, isError: false, status: 'success' })
  })

  it('still show the error when they never had data, and any other error as it is', () => {
    expect(keepShownWhileOffline({ data: undefined, error: offline }).error).toBe(offline)
    const refused = new ShopError({ code: 'not_found', message: 'There is no customer 7.' })
    expect(keepShownWhileOffline({ data: ['Ada Fleet'], error: refused }).error).toBe(refused)
  })
})

describe('the offline banner', () => {
  it('says the server cannot be reached, what the screens show, that changes wait for it and what to check', () => {
    // The unit tests render with plain createElement: vitest runs `*.test.ts` only.
    const notice = createElement(OfflineNotice, { offline: { message: 'unused here', since: '2026-03-10T14:05:00.000Z' } })
    const html = renderToStaticMarkup(createElement(MantineProvider, null, notice))
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    expect(html).toContain('role="alert"')
    expect(text).toContain('The shop’s database server cannot be reached')
    expect(text).toContain('The screens show what this desk last read; changes cannot be saved until the server is back.')
    expect(text).toContain('reconnects by itself')
    expect(text).toContain('If this lasts, check that the server computer is on and this computer is on the shop’s network.')
  })
})
