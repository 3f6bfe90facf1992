#define _GNU_SOURCE
#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/fs.h>
#include "cfilesync.h"

int baocao_syncfs(int fd) { return syncfs(fd); }

int baocao_clone(int destination, int source) { return ioctl(destination, FICLONE, source); }

int baocao_open_anonymous(const char *folder) { return open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600); }

int baocao_map_blocks_from(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }
