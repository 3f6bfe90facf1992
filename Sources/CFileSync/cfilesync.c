#define _GNU_SOURCE
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/fs.h>
#include "cfilesync.h"

int baocao_syncfs(int fd) { return syncfs(fd); }

int baocao_clone(int destination, int source) { return ioctl(destination, FICLONE, source); }

int baocao_open_anonymous(const char *folder) { return open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600); }

int baocao_open_unnamed(const char *folder, int mode) { return open(folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode); }

int baocao_name_unnamed(int fd, const char *path) {
    char self[32];
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    return linkat(AT_FDCWD, self, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
}

int baocao_keep_blocks_below(int bytes, int kept_free) {
    return mallopt(M_MMAP_THRESHOLD, bytes) && mallopt(M_TRIM_THRESHOLD, kept_free);
}

static pthread_once_t ignore_lease_breaks = PTHREAD_ONCE_INIT;
static void ignore_sigio(void) { signal(SIGIO, SIG_IGN); }

int baocao_take_read_lease(int fd) {
    pthread_once(&ignore_lease_breaks, ignore_sigio);
    return fcntl(fd, F_SETLEASE, F_RDLCK);
}

int baocao_read_lease_intact(int fd) { return fcntl(fd, F_GETLEASE) == F_RDLCK; }

int baocao_create_direct(const char *path, int mode) {
    return open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_DIRECT, mode);
}

int baocao_drop_direct(int fd) {
    int flags = fcntl(fd, F_GETFL);
    return flags < 0 ? -1 : fcntl(fd, F_SETFL, flags & ~O_DIRECT);
}
