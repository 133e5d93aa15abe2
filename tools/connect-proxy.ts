// A forward proxy as a runner behind a firewall has one: it answers CONNECT and tunnels the bytes
// (TLS it cannot read) to where it was asked, or where `route` sends that host. It counts the
// tunnels, so a test can tell a client that went through it from one that went direct.
import { createServer, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ConnectProxy {
  /** `http://127.0.0.1:PORT` */
  url: string
  /** `host:port` of every tunnel asked for, in order. */
  tunnels: string[]
  close(): Promise<void>
}

export async function startConnectProxy(
  route: (host: string, port: number) => { host: string; port: number } = (host, port) => ({ host, port })
): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const sockets = new Set<Socket>()
  const server = createServer((_request, response) => {
    // Only tunnels: a plain request to the proxy itself is not what a client here should send.
    response.writeHead(405).end()
  })
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const asked = request.url ?? ''
    tunnels.push(asked)
    const colon = asked.lastIndexOf(':')
    const target = route(asked.slice(0, colon), Number(asked.slice(colon + 1)))
    const upstream = connect(target.port, target.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    }
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'))
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}
