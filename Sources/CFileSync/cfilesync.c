#define _GNU_SOURCE
#include <unistd.h>
#include "cfilesync.h"

int baocao_syncfs(int fd) { return syncfs(fd); }
