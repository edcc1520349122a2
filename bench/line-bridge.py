#!/usr/bin/env python3
"""A serial line of a given speed between two pseudo-terminals (bench/line-bridge.ts starts it).

One process owns both pty pairs (os.openpty: Node cannot open a pty without a native addon) and
links their slave ends where the bench opens them. Each direction is a line of BAUD bit/s, 10 bit
times a byte (8N1): a chunk read from one master leaves on the other when its last byte would have
crossed the line, after the bytes queued before it. Never earlier: a chunk's line time starts when
this process has read it (at or after the peer wrote it), its due time is rounded up to the next
nanosecond, the select timeout is rounded up by Python, and a wake-up before the due time (a
signal, the other direction's data) just waits again.

Whole chunks, not byte by byte: the peers (DLMS HDLC or the wrapper) act on a whole frame, whose
last byte arrives at the same time either way; a byte-by-byte release would cost each receiving
process a wake-up per byte (960 a second at 9600 Bd) that no real receiver pays either (a UART's
FIFO and a USB adapter's latency timer deliver in batches, later than the last byte's crossing,
never earlier). This is the ideal line the goal is measured against.

Sub-millisecond timing: a monotonic nanosecond clock, select() with a float timeout (microseconds;
epoll and poll take milliseconds), the process's timer slack cut to 1 ns where prctl allows, the
last SPIN_US before a due time polled rather than slept (a wake-up from sleep is late by the
scheduler's latency), and real-time priority where the system grants it (run_like_hardware).
docs/decisions/wire-speed-rig.md has the measurements behind each.

Protocol with the parent: "ready" on stdout once both links exist; end of stdin (the parent closed
it, or died) prints one JSON line (deliveries, their total and largest lateness against the due
time, the time each chunk was read, in ns of the monotonic clock, which is Node's hrtime too:
the rig's own latency), removes the links and exits. Errors go to stderr, with exit status 1.
"""
import argparse
import collections
import ctypes
import json
import os
import select
import sys
import time
import tty

BITS_PER_BYTE = 10
NS_PER_S = 1_000_000_000
READ_SIZE = 4096
PR_SET_TIMERSLACK = 29
# Of a 60 ms exchange at 9600 Bd, two such polls cost about 1 ms of CPU (under 2% of a core).
SPIN_US = 500
# Low among real-time priorities: above every ordinary process, below the kernel's own threads.
REALTIME_PRIORITY = 10


def line_ns(n_bytes, baud):
    """The time n bytes take on the line, rounded up: the emulated line is never the faster."""
    return -(-(n_bytes * BITS_PER_BYTE * NS_PER_S) // baud)


class Direction:
    """One direction of the line: chunks queued with the time their last byte has crossed."""

    def __init__(self, source, sink, baud):
        self.source = source
        self.sink = sink
        self.baud = baud
        self.free_at = 0
        self.queue = collections.deque()
        # Bytes due but not yet taken by the sink (its pty buffer was full).
        self.unwritten = b""
        # The rig's own latency: how late each chunk was handed to the sink, against its due time.
        self.deliveries = 0
        self.late_ns = 0
        self.max_late_ns = 0
        # When each chunk was read: the start of its line time, later than its write by this
        # process's wake-up, which the parent measures against its own write times.
        self.reads_ns = []

    def take(self, chunk, now):
        self.reads_ns.append(now)
        start = max(now, self.free_at)
        self.free_at = start + line_ns(len(chunk), self.baud)
        self.queue.append((self.free_at, chunk))

    def next_due(self):
        return self.queue[0][0] if self.queue else None

    def release(self, now):
        due = []
        while self.queue and self.queue[0][0] <= now:
            at, chunk = self.queue.popleft()
            due.append(at)
            self.unwritten += chunk
        if self.unwritten:
            try:
                written = os.write(self.sink, self.unwritten)
            except BlockingIOError:
                written = 0
            self.unwritten = self.unwritten[written:]
        handed = time.monotonic_ns()
        for at in due:
            late = handed - at
            self.deliveries += 1
            self.late_ns += late
            self.max_late_ns = max(self.max_late_ns, late)


def cut_timer_slack():
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_TIMERSLACK, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # Not Linux: the default slack (50 us) only makes the line slower, never faster.


def run_like_hardware():
    """A line is never preempted: real-time priority, where allowed, so that a busy machine delays
    neither a delivery nor the start of a chunk's line time (the bridge's wake-up on a write).
    Returns whether it was granted; without it the line is only later, never faster."""
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(REALTIME_PRIORITY))
        return True
    except (OSError, AttributeError):
        return False


def open_end(link):
    master, slave = os.openpty()
    # Raw before anyone opens it: no echo, no line discipline, 8 bits through.
    tty.setraw(slave)
    os.set_blocking(master, False)
    os.symlink(os.ttyname(slave), link)
    # The slave stays open here too, so the master never reads EIO while no peer holds it.
    return master, slave


def report(directions, realtime):
    """The last line on stdout, read by line-bridge.ts when it stops the bridge."""
    deliveries = sum(d.deliveries for d in directions)
    late_ns = sum(d.late_ns for d in directions)
    max_late_ns = max(d.max_late_ns for d in directions)
    stats = {
        "deliveries": deliveries,
        "lateNs": late_ns,
        "maxLateNs": max_late_ns,
        "realtime": realtime,
        "readsNs": {"toMeter": directions[0].reads_ns, "toClient": directions[1].reads_ns},
    }
    sys.stdout.write(json.dumps(stats) + "\n")
    sys.stdout.flush()


def serve(baud, client_link, meter_link, spin_ns):
    cut_timer_slack()
    realtime = run_like_hardware()
    links = []
    try:
        client_master, _client_slave = open_end(client_link)
        links.append(client_link)
        meter_master, _meter_slave = open_end(meter_link)
        links.append(meter_link)
        to_meter = Direction(client_master, meter_master, baud)
        to_client = Direction(meter_master, client_master, baud)
        directions = (to_meter, to_client)
        stdin = sys.stdin.fileno()
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        while True:
            now = time.monotonic_ns()
            dues = [d.next_due() for d in directions if d.next_due() is not None]
            # Sleep until SPIN before the next due time, then poll: a wake-up from sleep is late by
            # the scheduler's latency (0.1-0.3 ms median on a loaded VM, milliseconds at worst).
            timeout = None if not dues else max(0, min(dues) - now - spin_ns) / NS_PER_S
            writable = [d.sink for d in directions if d.unwritten]
            readable, can_write, _ = select.select([stdin, client_master, meter_master], writable, [], timeout)
            now = time.monotonic_ns()
            if stdin in readable and not os.read(stdin, READ_SIZE):
                report(directions, realtime)
                return 0
            for d in directions:
                if d.source in readable:
                    chunk = os.read(d.source, READ_SIZE)
                    if chunk:
                        d.take(chunk, now)
            for d in directions:
                due = d.next_due()
                if (due is not None and due <= time.monotonic_ns()) or (d.unwritten and d.sink in can_write):
                    d.release(time.monotonic_ns())
    finally:
        for link in links:
            try:
                os.unlink(link)
            except FileNotFoundError:
                pass


def main():
    parser = argparse.ArgumentParser(description="A serial line of BAUD bit/s (8N1) between two ptys.")
    parser.add_argument("--baud", type=int, required=True)
    parser.add_argument("--client", required=True, help="where to link the client's pty")
    parser.add_argument("--meter", required=True, help="where to link the meter's pty")
    parser.add_argument("--spin-us", type=int, default=SPIN_US, help="poll instead of sleeping this long before a delivery")
    args = parser.parse_args()
    if args.baud <= 0:
        parser.error(f"--baud must be positive, got {args.baud}")
    try:
        return serve(args.baud, args.client, args.meter, args.spin_us * 1000)
    except OSError as e:
        sys.stderr.write(f"line-bridge: {e}\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
