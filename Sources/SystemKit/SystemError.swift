#if canImport(Glibc)
import Glibc
#endif
import ReportModel

/// A system call that failed: which call, on what path, and `errno`.
///
/// Every call baocao makes to the operating system goes through this
/// module, so this is the one error type they raise. Its text names the
/// file for the person who has to act on it, in Vietnamese and in English.
public struct SystemError: ExplainedError, Sendable, Equatable, CustomStringConvertible {
    public var call: String
    /// The path as a person reads it (control bytes escaped).
    public var path: String
    public var code: Int32

    public init(_ call: String, _ path: String, _ code: Int32 = errno) {
        self.call = call
        self.path = path
        self.code = code
    }

    /// The system's own words for `code` (`No space left on device`).
    public var reason: String { String(cString: strerror(code)) }

    public var isMissing: Bool { code == ENOENT }
    public var isOutOfSpace: Bool { code == ENOSPC || code == EDQUOT }

    /// `không ghi được tệp X: hết chỗ trên đĩa (write X: No space left on device)`.
    public var vietnamese: String {
        let what: String
        switch code {
        case ENOENT: what = "không có tệp hay thư mục này"
        case EACCES, EPERM: what = "không có quyền truy cập"
        case ENOSPC, EDQUOT: what = "hết chỗ trên đĩa"
        case EROFS: what = "ổ đĩa chỉ cho phép đọc"
        case EIO: what = "lỗi đọc ghi của ổ đĩa"
        case ENOTDIR: what = "không phải thư mục"
        case EEXIST: what = "đã có tệp này, không ghi đè"
        case EISDIR: what = "là thư mục, không phải tệp"
        default: what = "lỗi hệ thống số \(code)"
        }
        return "\(Self.verb(call)) \(path): \(what)"
    }

    public var english: String { "\(call) \(path): \(reason)" }

    public var description: String { "\(vietnamese) (\(english))" }

    private static func verb(_ call: String) -> String {
        switch call {
        case "open", "openat", "read", "pread": return "không đọc được"
        case "write", "fsync", "rename", "link", "linkat", "ioctl", "futimens", "fchmod", "copy": return "không ghi được"
        case "mkdir": return "không tạo được thư mục"
        case "unlink", "unlinkat": return "không xóa được"
        case "flock": return "không khóa được"
        case "stat", "fstatat", "fstat": return "không xem được"
        case "truncate", "ftruncate": return "không cắt được"
        case "syncfs": return "không đồng bộ được ổ đĩa chứa"
        default: return "lỗi \(call) với"
        }
    }
}
