/**
 * A real SMTP server on loopback for the email tests (smtp-server), which can accept,
 * refuse (permanently or "try later"), stall and drop, and keeps what it received parsed
 * with mailparser.
 */
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerSession } from 'smtp-server'
import type { AddressInfo, Socket } from 'node:net'

export type SmtpMode =
  | 'accept'
  /** 550 for every recipient: a permanent refusal. */
  | 'refuse'
  /** 451 at the end of DATA: "try again later". */
  | 'tempfail'
  /** Takes the message and never answers: the client waits. */
  | 'stall'
  /** Closes the connection in the middle of DATA. */
  | 'drop'

export interface Received {
  raw: string
  mail: ParsedMail
  envelopeTo: string[]
  user: string | null
}

export interface TestSmtp {
  port: number
  mode: SmtpMode
  received: Received[]
  /** Resolves once `n` messages were accepted. */
  waitFor(n: number): Promise<Received[]>
  /** Connections seen, accepted or not. */
  connections: number
  /** Messages whose DATA began, whatever the server then did with them. */
  dataStarted: number
  close(): Promise<void>
}

/**
 * @example
 * const smtp = await startSmtp({ auth: { user: 'desk', pass: 's3cret' } })
 * smtp.mode = 'refuse'
 */
export async function startSmtp(opts: { auth?: { user: string; pass: string }; port?: number } = {}): Promise<TestSmtp> {
  const received: Received[] = []
  const waiters: Array<{ n: number; resolve: (r: Received[]) => void }> = []
  const sockets = new Set<Socket>()
  const state: TestSmtp = {
    port: 0,
    mode: 'accept',
    received,
    connections: 0,
    dataStarted: 0,
    waitFor: (n) => (received.length >= n ? Promise.resolve(received) : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  const server = new SMTPServer({
    secure: false,
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    logger: false,
    onConnect(session, callback) {
      state.connections++
      callback()
    },
    onAuth(auth, _session, callback) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) {
        callback(null, { user: auth.username })
        return
      }
      callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }))
    },
    onRcptTo(address, _session, callback) {
      if (state.mode === 'refuse') {
        callback(Object.assign(new Error(`No such user here: ${address.address}`), { responseCode: 550 }))
        return
      }
      callback()
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = []
      state.dataStarted++
      // Decided when the message starts, so a test changing the mode meanwhile changes the next one.
      const mode = state.mode
      if (mode === 'drop') {
        stream.once('data', () => {
          for (const s of sockets) s.destroy()
        })
        stream.on('error', () => {})
        return
      }
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (mode === 'stall') return
        if (mode === 'tempfail') {
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }))
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        void simpleParser(raw).then((mail) => {
          received.push({
            raw,
            mail,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === 'string' ? session.user : null,
          })
          callback()
          for (const w of waiters.filter((x) => received.length >= x.n)) {
            waiters.splice(waiters.indexOf(w), 1)
            w.resolve(received)
          }
        })
      })
    },
  })
  server.server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', () => resolve()))
  state.port = (server.server.address() as AddressInfo).port
  return state
}
