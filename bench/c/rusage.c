/*
 * Runs a command and prints its CPU time with microsecond resolution, for the bench's timing of
 * the Gurux C client (gurux-goals.ts): the shell's `times` prints milliseconds, and a millisecond
 * over the ~150 exchanges of a read is 6.6 µs per exchange, as much as what is measured.
 *
 *   rusage COMMAND [ARG]...
 *
 * The command's own output goes to /dev/null. Prints one JSON line: {"status":S,"userUs":U,"sysUs":Y}
 * (wait4's rusage of the child; status is its exit status, or 128 + the signal that ended it).
 * Exit status 0 when the command ran (whatever its status), 2 when it could not be started.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: rusage COMMAND [ARG]...\n");
    return 2;
  }
  pid_t pid = fork();
  if (pid < 0) {
    fprintf(stderr, "rusage: fork: %s\n", strerror(errno));
    return 2;
  }
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execvp(argv[1], argv + 1);
    _exit(127);
  }
  int status = 0;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0)
    if (errno != EINTR) {
      fprintf(stderr, "rusage: wait4: %s\n", strerror(errno));
      return 2;
    }
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  printf("{\"status\":%d,\"userUs\":%ld,\"sysUs\":%ld}\n", code, (long)ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec,
         (long)ru.ru_stime.tv_sec * 1000000L + ru.ru_stime.tv_usec);
  return 0;
}
