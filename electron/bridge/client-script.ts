import { eventNames } from '../../shared/contract'

/**
 * The script the bridge injects before the renderer's own: it defines `window.shop` over
 * HTTP with the same shape preload gives it in Electron, so the renderer is identical.
 * Plain ES2020 because it is served as is, not bundled.
 */
export function bridgeClientScript(): string {
  return `(() => {
  'use strict';
  const eventNames = ${JSON.stringify(eventNames)};
  const invoke = async (channel, input) => {
    try {
      const res = await fetch('/ipc/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input),
      });
      return await res.json();
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: 'The app is not reachable: ' + (e && e.message ? e.message : e) } };
    }
  };
  const listeners = new Map(eventNames.map((n) => [n, new Set()]));
  const source = new EventSource('/events');
  for (const name of eventNames) {
    source.addEventListener(name, (e) => {
      const payload = JSON.parse(e.data);
      for (const l of listeners.get(name)) l(payload);
    });
  }
  const on = (event, listener) => {
    const set = listeners.get(event);
    if (!set) throw new Error('Unknown event ' + event);
    set.add(listener);
    return () => set.delete(listener);
  };
  const platform = {
    kind: 'bridge',
    async saveFile({ suggestedName, content, mimeType }) {
      const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
      const a = document.createElement('a');
      a.href = url; a.download = suggestedName; a.rel = 'noopener';
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      return { saved: true };
    },
    async choosePath() {
      return null;
    },
    async printToPdf() {
      // A browser has no silent PDF: its print dialog offers "Save as PDF".
      window.print();
      return { saved: false };
    },
    async quit() {
      // A tab the user opened cannot be closed by script; the page then says it may be closed.
      window.close();
    },
    async openExternal(url) {
      if (!/^https?:\\/\\//i.test(url)) throw new Error('Only http(s) links can be opened');
      window.open(url, '_blank', 'noopener,noreferrer');
    },
  };
  const shop = { invoke, on, platform };
  Object.defineProperty(window, 'shop', { value: Object.freeze(shop), writable: false });
})();
`
}
