#ifndef CFILESYNC_H
#define CFILESYNC_H
/// syncfs(2): flush one file system. Glibc declares it only under
/// _GNU_SOURCE, which Swift's Glibc module does not define.
int baocao_syncfs(int fd);

/// ioctl(FICLONE): make `destination` share `source`'s blocks (a reflink).
/// Fails (EOPNOTSUPP, EXDEV…) where the file system cannot; the caller then
/// copies. Variadic ioctl cannot be called from Swift, hence this wrapper.
int baocao_clone(int destination, int source);

/// open(folder, O_TMPFILE | O_RDWR): a file with no name, gone when closed
/// (scratch space that a crash cannot leave behind). O_TMPFILE is a macro
/// Swift does not import.
int baocao_open_anonymous(const char *folder);

/// mallopt(M_MMAP_THRESHOLD, bytes): blocks from `bytes` up are mapped for
/// themselves and returned when freed. <malloc.h> is not in Swift's Glibc.
int baocao_map_blocks_from(int bytes);
#endif
