#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says about a file, in the terms baocao asks about.
public struct FileStatus: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case regular
        case folder
        case link
        case other
    }

    public var kind: Kind
    public var size: Int64
    /// Modification time, whole seconds since 1970: "received" for an inbox file (§1).
    public var modified: Int
    /// Nanoseconds past `modified`: part of telling whether a file changed.
    public var modifiedNanoseconds: Int
    public var device: UInt64
    public var inode: UInt64
    /// Names the file has (hard links).
    public var links: Int
    /// Its owner's user id.
    public var owner: UInt32
    /// Its permission bits (`0o644`…).
    public var permissions: UInt32

    init(_ s: stat) {
        switch s.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .link
        default: kind = .other
        }
        size = Int64(s.st_size)
        modified = Int(s.st_mtim.tv_sec)
        modifiedNanoseconds = Int(s.st_mtim.tv_nsec)
        device = UInt64(s.st_dev)
        inode = UInt64(s.st_ino)
        links = Int(s.st_nlink)
        owner = UInt32(s.st_uid)
        permissions = UInt32(s.st_mode) & 0o7777
    }

    /// Whether this process's user owns the file (and so decides who else may write it).
    public var isOwnedByThisUser: Bool { owner == UInt32(geteuid()) }

    /// Whether `other` is the same file with the same content as far as the
    /// file system can tell: same inode, size and modification time.
    public func isUnchanged(comparedWith other: FileStatus) -> Bool {
        device == other.device && inode == other.inode && size == other.size
            && modified == other.modified && modifiedNanoseconds == other.modifiedNanoseconds
    }
}
