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

/// open(folder, O_TMPFILE | O_WRONLY) with `mode`: a new file with no name
/// yet, which `baocao_name_unnamed` names once it is whole.
int baocao_open_unnamed(const char *folder, int mode);

/// linkat of an O_TMPFILE file (through /proc/self/fd, which needs no
/// privilege, unlike AT_EMPTY_PATH) to `path`: one new name in the folder,
/// where a temporary name and a rename make two and take one away. Fails
/// with EEXIST when `path` exists.
int baocao_name_unnamed(int fd, const char *path);

/// mallopt(M_MMAP_THRESHOLD, bytes) and mallopt(M_TRIM_THRESHOLD, kept_free):
/// blocks under `bytes` come from the heaps, each of which keeps up to
/// `kept_free` bytes free for reuse; larger ones are mapped for themselves
/// and returned when freed. <malloc.h> is not in Swift's Glibc.
int baocao_keep_blocks_below(int bytes, int kept_free);

/// fcntl(F_SETLEASE, F_RDLCK): a read lease, which the kernel grants only
/// while no process has the file open for writing, and which an open for
/// writing or a truncate must then wait on. SIGIO, sent to the holder when
/// that happens, is ignored (its default would end the process): the holder
/// asks with `baocao_read_lease_intact` instead. F_SETLEASE is a
/// _GNU_SOURCE macro and fcntl is variadic, hence this wrapper.
int baocao_take_read_lease(int fd);

/// Whether the read lease on `fd` is still whole: 1 when no one has begun
/// to open the file for writing (or truncate it) since it was taken.
int baocao_read_lease_intact(int fd);

/// open(path, O_WRONLY | O_CREAT | O_TRUNC | O_DIRECT): a new file whose
/// writes go from the caller's memory to the disk, not through the page
/// cache. Fails (EINVAL) where the file system has no direct I/O; the
/// caller then opens it as usual. O_DIRECT is a _GNU_SOURCE macro.
int baocao_create_direct(const char *path, int mode);

/// Clears O_DIRECT on `fd` (fcntl F_SETFL), for a write direct I/O refused.
int baocao_drop_direct(int fd);
#endif
