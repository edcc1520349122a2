import { expect } from 'chai';
import * as net from 'node:net';
import { connectTcp, READ_BUFFER_SIZE } from './tcp';
import type { Transport } from './transport';

/** A server that sends `payload` as soon as a client connects, then waits for the client's bytes and echoes them. */
async function server(payload: Uint8Array): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((s) => {
    sockets.add(s);
    s.write(payload);
    s.on('data', (d) => s.write(d));
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const address = srv.address();
  if (address === null || typeof address !== 'object') throw new Error('no port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        srv.close(() => resolve());
      }),
  };
}

function collect(t: Transport, want: number): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  let got = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${got} of ${want} bytes within 5 s`)), 5000);
    t.onData((c) => {
      chunks.push(c);
      got += c.length;
      if (got >= want) {
        clearTimeout(timer);
        resolve(chunks);
      }
    });
  });
}

describe('the TCP driver', () => {
  it('delivers a stream longer than its read buffer whole and in order, each chunk a copy the next read does not overwrite', async () => {
    const payload = Uint8Array.from({ length: READ_BUFFER_SIZE * 3 + 17 }, (_, i) => (i ^ (i >>> 8) ^ (i >>> 16)) & 0xff);
    const srv = await server(payload);
    const t = await connectTcp({ host: '127.0.0.1', port: srv.port, timeoutMs: 2000 });
    try {
      // Listening only now: what arrived before is kept for the listener.
      const chunks = await collect(t, payload.length);
      const joined = new Uint8Array(payload.length);
      let at = 0;
      for (const c of chunks) {
        joined.set(c, at);
        at += c.length;
      }
      expect(at).to.equal(payload.length);
      expect(Buffer.from(joined).equals(Buffer.from(payload))).to.equal(true);
    } finally {
      await t.close();
      await srv.close();
    }
  });

  it('writes each frame as given and reads the echo back', async () => {
    const srv = await server(new Uint8Array(0));
    const t = await connectTcp({ host: '127.0.0.1', port: srv.port, timeoutMs: 2000 });
    try {
      const echoed = collect(t, 3);
      await t.write(Uint8Array.of(1, 2, 3));
      expect([...(await echoed).flatMap((c) => [...c])]).to.deep.equal([1, 2, 3]);
    } finally {
      await t.close();
      await srv.close();
    }
  });

  it('reports the peer closing the connection once, and refuses a write after it', async () => {
    const srv = await server(new Uint8Array(0));
    const t = await connectTcp({ host: '127.0.0.1', port: srv.port, timeoutMs: 2000 });
    const closed = new Promise<Error | undefined>((resolve) => t.onClose(resolve));
    await srv.close();
    expect(await closed).to.equal(undefined);
    await t.write(Uint8Array.of(1)).then(
      () => expect.fail('a write after close should be refused'),
      (e: Error) => expect(e.message).to.match(/connection closed/),
    );
    await t.close();
  });
});
