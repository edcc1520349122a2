/**
 * The line-speed bridge is never faster than the line it emulates: a chunk of n bytes written at
 * one end is whole at the other no sooner than n × 10 / baud after the line was free. Times are
 * taken in this process around the write and at the last byte's arrival, so load on the machine
 * can only lengthen what is measured, never shorten it; every wait is bounded.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import { openSerial } from '../drivers/serial';
import type { Transport } from '../drivers/transport';
import { bridgeWakeMs, LINE_BRIDGE_MISSING_REASON, lineBridgeAvailable, startLineBridge, wireMs, type LineBridge } from './line-bridge';

const BAUD = 9600;
const ARRIVAL_BOUND_MS = 5000;

/** Resolves with the time the `n`-th byte arrived; rejects after the bound. */
function nthByteAt(arrivals: { bytes: number; at: number }[], n: number): Promise<number> {
  const deadline = performance.now() + ARRIVAL_BOUND_MS;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const hit = arrivals.find((a) => a.bytes >= n);
      if (hit) resolve(hit.at);
      else if (performance.now() > deadline) reject(new Error(`${n} bytes did not arrive within ${ARRIVAL_BOUND_MS} ms`));
      else setImmediate(check);
    };
    check();
  });
}

/** Counts what arrives at an end: the running total of bytes, with the time each chunk came. */
function arrivalsAt(end: Transport): { bytes: number; at: number }[] {
  const arrivals: { bytes: number; at: number }[] = [];
  let total = 0;
  end.onData((chunk) => {
    total += chunk.length;
    arrivals.push({ bytes: total, at: performance.now() });
  });
  return arrivals;
}

describe('the bridge’s wake-ups (bridgeWakeMs)', () => {
  it('pairs each write with the first read at or after it, and counts a write never read as nothing', () => {
    // Writes at 10 and 20 read at 10.5 and 20.25; an earlier read (5) belongs to no write; the write at 30 was never read.
    expect(bridgeWakeMs([10, 20, 30], [5, 10.5, 20.25])).to.equal(0.75);
  });
});

describe('the line-speed bridge (bench/line-bridge.py)', function () {
  this.timeout(20_000);
  let bridge: LineBridge;
  let client: Transport;
  let meter: Transport;

  before(function () {
    if (!lineBridgeAvailable()) {
      for (const t of this.test!.parent!.tests) t.title += ` [skipped: ${LINE_BRIDGE_MISSING_REASON}]`;
      this.skip();
    }
  });

  beforeEach(async () => {
    bridge = await startLineBridge(BAUD);
    client = await openSerial({ path: bridge.clientEnd, baudRate: BAUD, timeoutMs: 2000 });
    meter = await openSerial({ path: bridge.meterEnd, baudRate: BAUD, timeoutMs: 2000 });
  });

  afterEach(async () => {
    await client?.close();
    await meter?.close();
    await bridge?.stop();
  });

  it('delivers a chunk of n bytes no sooner than n × 10 / baud after it was written, both ways', async () => {
    for (const [from, to] of [
      [client, meter],
      [meter, client],
    ] as const) {
      const arrivals = arrivalsAt(to);
      const n = 96;
      const sent = performance.now();
      await from.write(new Uint8Array(n).fill(0x7e));
      const at = await nthByteAt(arrivals, n);
      expect(at - sent).to.be.at.least(wireMs(n, BAUD));
    }
  });

  it('queues a chunk behind the bytes written before it: the line carries one byte at a time', async () => {
    const arrivals = arrivalsAt(meter);
    const sent = performance.now();
    await client.write(new Uint8Array(48).fill(1));
    await client.write(new Uint8Array(48).fill(2));
    const at = await nthByteAt(arrivals, 96);
    expect(at - sent).to.be.at.least(wireMs(96, BAUD));
  });

  it('says how late it handed chunks on, and removes the ends it linked when stopped', async () => {
    const arrivals = arrivalsAt(meter);
    await client.write(new Uint8Array(10));
    await nthByteAt(arrivals, 10);
    await client.close();
    await meter.close();
    const stats = await bridge.stop();
    expect(stats?.deliveries).to.equal(1);
    expect(stats?.lateMs).to.be.at.least(0);
    expect(stats?.maxLateMs).to.equal(stats?.lateMs);
    expect(fs.existsSync(bridge.clientEnd) || fs.existsSync(bridge.meterEnd)).to.equal(false);
  });

  it('refuses a speed that is not a positive number of bits a second, saying so', async () => {
    let error: unknown;
    try {
      await (await startLineBridge(0)).stop();
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('--baud must be positive, got 0');
  });
});
