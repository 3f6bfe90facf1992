#ifndef CFILESYNC_H
#define CFILESYNC_H
/// syncfs(2): flush one file system. Glibc declares it only under
/// _GNU_SOURCE, which Swift's Glibc module does not define.
int baocao_syncfs(int fd);
#endif
