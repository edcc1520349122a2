/*
 * The floor under any client, in C: the same bare round trip as bench/node-floor.ts (the AARQ a
 * dlmsct client sent, then the same GET again and again over the IEC 62056-47 wrapper), with
 * blocking send/recv on one TCP_NODELAY socket and nothing else per exchange. What it costs is
 * what the machine (kernel, loopback, wake-ups) takes from any client, in any language.
 *
 *   round-trip HOST PORT AARQ_HEX GET_HEX WARM_UP EXCHANGES
 *
 * Prints one JSON line: CPU (getrusage: user + system) per measured exchange in µs, and per
 * exchange the voluntary and involuntary context switches (getrusage) and the CPU migrations
 * (/proc/self/sched se.nr_migrations, -1 where the kernel does not show it). Errors go to stderr
 * with exit status 1 (2 for bad arguments).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

/* IEC 62056-47: version (2), source wPort (2), destination wPort (2), length (2), then the APDU. */
#define WRAPPER_HEADER 8
#define MAX_FRAME 65544
/* The bound on one answer, as the Node floor's (a meter that does not answer is an error, not a hang). */
#define ANSWER_TIMEOUT_S 2

static int fail(const char *what) {
  fprintf(stderr, "round-trip: %s: %s\n", what, strerror(errno));
  return 1;
}

static long hex_decode(const char *hex, uint8_t *out, size_t cap) {
  size_t n = strlen(hex);
  if (n % 2 != 0 || n / 2 > cap) return -1;
  for (size_t i = 0; i < n / 2; i++) {
    unsigned v;
    if (sscanf(hex + 2 * i, "%2x", &v) != 1) return -1;
    out[i] = (uint8_t)v;
  }
  return (long)(n / 2);
}

static int send_all(int fd, const uint8_t *b, size_t n) {
  while (n > 0) {
    ssize_t k = send(fd, b, n, 0);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    b += k;
    n -= (size_t)k;
  }
  return 0;
}

/* Reads one whole wrapper frame: the header, then as many bytes as its length field says. */
static int recv_frame(int fd, uint8_t *buf) {
  size_t have = 0, want = WRAPPER_HEADER;
  while (have < want) {
    ssize_t k = recv(fd, buf + have, MAX_FRAME - have, 0);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    have += (size_t)k;
    if (want == WRAPPER_HEADER && have >= WRAPPER_HEADER) want = WRAPPER_HEADER + ((size_t)buf[6] << 8 | buf[7]);
  }
  return 0;
}

static long migrations(void) {
  FILE *f = fopen("/proc/self/sched", "r");
  char line[256];
  long n = -1;
  if (f == NULL) return -1;
  while (fgets(line, sizeof line, f) != NULL)
    if (strncmp(line, "se.nr_migrations", 16) == 0) {
      char *colon = strchr(line, ':');
      if (colon != NULL) n = strtol(colon + 1, NULL, 10);
    }
  fclose(f);
  return n;
}

static double us(struct timeval t) { return (double)t.tv_sec * 1e6 + (double)t.tv_usec; }

int main(int argc, char **argv) {
  static uint8_t aarq[MAX_FRAME], get[MAX_FRAME], answer[MAX_FRAME];
  if (argc != 7) {
    fprintf(stderr, "usage: round-trip HOST PORT AARQ_HEX GET_HEX WARM_UP EXCHANGES\n");
    return 2;
  }
  long aarq_n = hex_decode(argv[3], aarq, sizeof aarq), get_n = hex_decode(argv[4], get, sizeof get);
  long warm = strtol(argv[5], NULL, 10), exchanges = strtol(argv[6], NULL, 10);
  if (aarq_n <= 0 || get_n <= 0 || warm < 0 || exchanges <= 0) {
    fprintf(stderr, "round-trip: bad argument (hex frames, counts)\n");
    return 2;
  }
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[2]))};
  if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) {
    fprintf(stderr, "round-trip: %s is not an IPv4 address\n", argv[1]);
    return 2;
  }
  int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  struct timeval bound = {.tv_sec = ANSWER_TIMEOUT_S};
  if (fd < 0) return fail("socket");
  if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0) return fail("TCP_NODELAY");
  if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &bound, sizeof bound) != 0) return fail("SO_RCVTIMEO");
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) return fail("connect");
  if (send_all(fd, aarq, (size_t)aarq_n) != 0 || recv_frame(fd, answer) != 0) return fail("AARQ");
  for (long i = 0; i < warm; i++)
    if (send_all(fd, get, (size_t)get_n) != 0 || recv_frame(fd, answer) != 0) return fail("GET (warm-up)");
  struct rusage r0, r1;
  long m0 = migrations();
  getrusage(RUSAGE_SELF, &r0);
  for (long i = 0; i < exchanges; i++)
    if (send_all(fd, get, (size_t)get_n) != 0 || recv_frame(fd, answer) != 0) return fail("GET");
  getrusage(RUSAGE_SELF, &r1);
  long m1 = migrations();
  close(fd);
  double cpu = us(r1.ru_utime) - us(r0.ru_utime) + us(r1.ru_stime) - us(r0.ru_stime);
  double n = (double)exchanges;
  printf("{\"cpuUs\":%.3f,\"voluntarySwitches\":%.3f,\"involuntarySwitches\":%.3f,\"migrations\":%.3f}\n", cpu / n,
         (double)(r1.ru_nvcsw - r0.ru_nvcsw) / n, (double)(r1.ru_nivcsw - r0.ru_nivcsw) / n, m0 < 0 || m1 < 0 ? -1.0 : (double)(m1 - m0) / n);
  return 0;
}
