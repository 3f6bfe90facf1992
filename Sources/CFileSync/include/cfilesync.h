#ifndef CFILESYNC_H
#define CFILESYNC_H
/// syncfs(2): flush one file system. Glibc declares it only under
/// _GNU_SOURCE, which Swift's Glibc module does not define.
int baocao_syncfs(int fd);

/// ioctl(FICLONE): make `destination` share `source`'s blocks (a reflink).
/// Fails (EOPNOTSUPP, EXDEV…) where the file system cannot; the caller then
/// copies. Variadic ioctl cannot be called from Swift, hence this wrapper.
int baocao_clone(int destination, int source);
#endif
