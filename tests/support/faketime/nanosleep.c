/* Loaded before Debian's libfaketime 0.9.10 by run-on-date: Python 3.11 sleeps with
 * clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME), and libfaketime turns that deadline negative
 * when the monotonic clock is left real (FAKETIME_DONT_FAKE_MONOTONIC=1; libfaketime issue 426),
 * so every time.sleep fails with EINVAL. Monotonic sleeps go to the kernel untouched; the others
 * still go through libfaketime. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int clock_nanosleep(clockid_t clock_id, int flags, const struct timespec *req, struct timespec *rem) {
    if (clock_id != CLOCK_REALTIME) {
        long r = syscall(SYS_clock_nanosleep, clock_id, flags, req, rem);
        return r == -1 ? errno : 0;
    }
    int (*next)(clockid_t, int, const struct timespec *, struct timespec *) = dlsym(RTLD_NEXT, "clock_nanosleep");
    return next(clock_id, flags, req, rem);
}
