import ReportModel
import SystemKit

/// A failure of the store itself: the disk, or a store that no longer
/// agrees with itself. The command stops with exit status 3, nothing
/// half-written, and tells the person what is wrong, where, and what to do.
public struct StoreError: ExplainedError, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A system call failed.
        case system(SystemError)
        /// A complete ledger line that does not read as a record.
        case damagedLedger(line: Int, reason: String)
        /// The ledger ends in half a line that may have been committed.
        case tornLedger(line: Int)
        /// Records missing between two others (numbered `expected`, found `found`).
        case ledgerGap(line: Int, expected: Int, found: Int)
        /// Kept files that no ledger record names.
        case unrecorded([String], interrupted: Bool)
        /// Ledger records whose kept file is gone.
        case missing([String])
        /// A kept file whose bytes no longer have the SHA-256 the ledger records.
        case altered(path: String, expected: String, found: String)
        /// Something the store could not encode (a bug, not the disk).
        case encoding(String)
    }

    public var kind: Kind
    /// The file concerned, as a person reads it.
    public var file: String

    public init(_ kind: Kind, file: String) {
        self.kind = kind
        self.file = file
    }

    public static func system(_ error: SystemError) -> StoreError {
        StoreError(.system(error), file: error.path)
    }

    public var vietnamese: String {
        switch kind {
        case .system(let error):
            return error.vietnamese
        case .damagedLedger(let line, let reason):
            return "Sổ ghi nhận \(file) bị hỏng ở dòng \(line) (\(reason)). Chạy baocao verify để xem chi tiết."
        case .tornLedger(let line):
            return "Sổ ghi nhận \(file) kết thúc bằng một dòng không trọn vẹn (dòng \(line)) mà tệp của nó không còn trong hộp thư đến: "
                + "dòng này có thể đã được ghi nhận rồi bị cắt. Không tự xóa dòng này; chạy baocao verify --repair để khôi phục từ các tệp đã lưu."
        case .ledgerGap(let line, let expected, let found):
            return "Sổ ghi nhận \(file) thiếu bản ghi: dòng \(line) mang số \(found), lẽ ra là \(expected). Chạy baocao verify --repair để khôi phục."
        case .unrecorded(let paths, let interrupted):
            let list = Self.list(paths)
            return interrupted
                ? "Một lần tiếp nhận trước bị ngắt giữa chừng: \(paths.count) tệp đã lưu trong \(file) chưa được ghi vào sổ (\(list)). Chạy lại baocao ingest để hoàn tất."
                : "Kho lưu trữ \(file) có \(paths.count) tệp không có trong sổ ghi nhận (\(list)): sổ ghi nhận đã bị cắt hoặc xóa. "
                    + "Không lập số liệu từ kho này; chạy baocao verify --repair để khôi phục."
        case .missing(let paths):
            return "Sổ ghi nhận nêu \(paths.count) tệp không còn trong kho lưu trữ \(file) (\(Self.list(paths))). Chạy baocao verify để xem chi tiết."
        case .altered(let path, let expected, let found):
            return "Tệp đã lưu \(path) đã bị thay đổi sau khi tiếp nhận: mã SHA-256 là \(found.prefix(12))…, sổ ghi nhận ghi \(expected.prefix(12))…. "
                + "Không dùng tệp này; khôi phục tệp từ bản sao lưu."
        case .encoding(let what):
            return "Không mã hóa được \(what) để ghi vào \(file)."
        }
    }

    public var english: String {
        switch kind {
        case .system(let error):
            return error.english
        case .damagedLedger(let line, let reason):
            return "the ledger \(file) is damaged at line \(line) (\(reason)); run baocao verify"
        case .tornLedger(let line):
            return "the ledger \(file) ends in a torn line (line \(line)) whose input is no longer in the inbox; not cut: run baocao verify --repair"
        case .ledgerGap(let line, let expected, let found):
            return "the ledger \(file) has records missing: line \(line) is number \(found), expected \(expected); run baocao verify --repair"
        case .unrecorded(let paths, let interrupted):
            return interrupted
                ? "an earlier ingest was interrupted: \(paths.count) kept files are not yet in the ledger; run baocao ingest again"
                : "\(paths.count) kept files in \(file) are named by no ledger record (the ledger was cut or deleted); run baocao verify --repair"
        case .missing(let paths):
            return "\(paths.count) files the ledger names are missing from \(file); run baocao verify"
        case .altered(let path, _, _):
            return "the kept file \(path) was changed after it was accepted (SHA-256 differs from the ledger); restore it from a backup"
        case .encoding(let what):
            return "cannot encode \(what) for \(file)"
        }
    }

    public var description: String { "\(vietnamese) (\(english))" }

    /// The first few paths, then how many more.
    static func list(_ paths: [String]) -> String {
        let shown = paths.prefix(3).joined(separator: ", ")
        return paths.count > 3 ? "\(shown) và \(paths.count - 3) tệp khác" : shown
    }
}

/// Runs system calls, turning their failure into the store's error.
@inline(__always)
func system<T>(_ body: () throws(SystemError) -> T) throws(StoreError) -> T {
    do throws(SystemError) {
        return try body()
    } catch {
        throw .system(error)
    }
}
