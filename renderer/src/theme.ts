import { createTheme, darken, DEFAULT_THEME, defaultVariantColorsResolver, Modal, Notification, parseThemeColor } from '@mantine/core'

const { gray, red } = DEFAULT_THEME.colors

export const theme = createTheme({
  // Transitions follow the system's reduced-motion setting (and the e2e runs' emulation of it).
  respectReducedMotion: true,
  primaryColor: 'indigo',
  // Shade 6 gives white button text and links 4.3:1; shade 7 passes WCAG AA (5:1).
  primaryShade: 7,
  colors: {
    // Gray 6 is Mantine's "dimmed" text: #868e96 reads at 3.3:1 on white, too faint for a
    // screen used all day. This keeps the look at 5.3:1.
    // Every grey note (c="dimmed") reads in this shade; no screen picks a darker grey of its own.
    gray: [gray[0], gray[1], gray[2], gray[3], gray[4], gray[5], '#646c74', gray[7], gray[8], gray[9]],
    // Red 6 is the error text under a field and the fill of danger buttons: #fa5252 is 3.3:1.
    // The scale moves two steps darker from 6 on, so hover (7) still darkens.
    red: [red[0], red[1], red[2], red[3], red[4], red[5], red[8], red[9], '#b02525', '#962020'],
  },
  // Light buttons and badges write in shade 9 of their colour on shade 1 (shade 2 on hover):
  // indigo reads at 4.1:1 on its hover tint, yellow and orange under 4.5:1 at rest. Their ink
  // is that shade darkened by 30%, 4.7:1 or more on every tint, here once for every screen.
  variantColorResolver: (input) => {
    const colors = defaultVariantColorsResolver(input)
    if (input.variant !== 'light') return colors
    const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme })
    const scale = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined
    return scale ? { ...colors, color: darken(scale[9], 0.3) } : colors
  },
  defaultRadius: 'sm',
  components: {
    // Mantine's close button is an icon alone: without a name, screen readers hear "button".
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // The same for toasts (saved messages, booking notices, staff notices in the browser).
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
  },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
})
