#if canImport(Glibc)
import Glibc
#endif

/// A failure of the store itself (disk, permissions, a damaged ledger).
/// The command stops with exit status 3 and nothing half-written.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case io(String, String, Int32)
    case damagedLedger(line: Int, reason: String)

    public var description: String {
        switch self {
        case .io(let call, let path, let code):
            return "\(call) \(path): \(String(cString: strerror(code)))"
        case .damagedLedger(let line, let reason):
            return "ledger line \(line) is damaged: \(reason)"
        }
    }
}
