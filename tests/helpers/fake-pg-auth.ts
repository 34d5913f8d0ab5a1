import { createServer, type Server } from 'node:net'

/**
 * A loopback server that speaks just enough of PostgreSQL's protocol to refuse a login the
 * way a real server with password authentication does: it asks for the password, then
 * answers `28P01 password authentication failed`. The test clusters trust loopback, so this
 * is how a wrong password is produced for the real `pg` client.
 */
export async function startWrongPasswordServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((socket) => {
    let startup = true
    socket.on('data', (data) => {
      if (startup) {
        startup = false
        // AuthenticationCleartextPassword
        const ask = Buffer.alloc(9)
        ask.write('R', 0)
        ask.writeInt32BE(8, 1)
        ask.writeInt32BE(3, 5)
        socket.write(ask)
        return
      }
      if (data[0] === 0x70 /* p: PasswordMessage */) {
        const fields = Buffer.from('SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user "shop"\0\0', 'utf8')
        const error = Buffer.alloc(5)
        error.write('E', 0)
        error.writeInt32BE(4 + fields.length, 1)
        socket.end(Buffer.concat([error, fields]))
      }
    })
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `postgres://shop@127.0.0.1:${port}/shop`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
