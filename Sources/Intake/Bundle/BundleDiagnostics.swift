import ReportModel

/// The `BUNDLE_*` diagnostics, each in plain Vietnamese for the unit's clerk
/// and in English for the secretariat's technicians.
enum BundleDiagnostics {
    static func corrupt() -> Diagnostic {
        Diagnostic(
            .bundleCorrupt,
            message: "Tệp nén bị hỏng hoặc không phải tệp zip.",
            english: "The bundle is not a readable zip archive."
        )
    }

    static func corruptEntry(_ name: String) -> Diagnostic {
        Diagnostic(
            .bundleCorrupt, at: SourceLocation(file: name),
            message: "Tệp \"\(name)\" trong tệp nén bị hỏng, không đọc được.",
            english: "Entry \"\(name)\" in the bundle is corrupt and cannot be read."
        )
    }

    static func unsafePath(_ name: String, _ why: BundleEntryName.Unsafety) -> Diagnostic {
        let (vi, en): (String, String)
        switch why {
        case .undecodable: (vi, en) = ("tên tệp không đọc được", "the name cannot be decoded")
        case .empty: (vi, en) = ("tên tệp trống", "the name is empty")
        case .absolute: (vi, en) = ("đường dẫn tuyệt đối", "absolute path")
        case .parentSegment: (vi, en) = ("có \"..\" trỏ ra ngoài thư mục", "contains a \"..\" segment")
        case .backslash: (vi, en) = ("có dấu \"\\\"", "contains a backslash")
        case .driveLetter: (vi, en) = ("có ký tự ổ đĩa", "starts with a drive letter")
        }
        return Diagnostic(
            .bundleUnsafePath, at: SourceLocation(file: name),
            message: "Tệp nén chứa đường dẫn không an toàn: \"\(name)\" (\(vi)).",
            english: "Unsafe path in bundle: \"\(name)\" (\(en))."
        )
    }

    static func link(_ name: String) -> Diagnostic {
        Diagnostic(
            .bundleLink, at: SourceLocation(file: name),
            message: "Tệp nén chứa liên kết tượng trưng (symlink): \"\(name)\". Hãy gửi tệp thật.",
            english: "Symbolic link in bundle: \"\(name)\"."
        )
    }

    static func encrypted(_ name: String) -> Diagnostic {
        Diagnostic(
            .bundleEncrypted, at: SourceLocation(file: name),
            message: "Tệp \"\(name)\" trong tệp nén có đặt mật khẩu. Hãy nén lại không đặt mật khẩu.",
            english: "Encrypted entry in bundle: \"\(name)\"."
        )
    }

    static func duplicate(_ name: String, sameAs first: String) -> Diagnostic {
        Diagnostic(
            .bundleDuplicateEntry, at: SourceLocation(file: name),
            message: "Tệp nén có hai tệp trùng tên: \"\(name)\" và \"\(first)\" (không phân biệt chữ hoa, chữ thường).",
            english: "Duplicate entry in bundle: \"\(name)\" has the same name as \"\(first)\" (ignoring case and Unicode form)."
        )
    }

    static func tooManyEntries(_ count: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            .bundleLimit,
            message: "Tệp nén có quá nhiều tệp: \(count) (tối đa \(limit)).",
            english: "Too many entries in bundle: \(count) (limit \(limit))."
        )
    }

    static func tooLarge(at name: String, limit: Int64) -> Diagnostic {
        Diagnostic(
            .bundleLimit, at: SourceLocation(file: name),
            message: "Tệp nén khi giải nén vượt quá \(limit) byte (đến tệp \"\(name)\").",
            english: "Bundle inflates past \(limit) bytes in all (at \"\(name)\")."
        )
    }

    static func ratio(_ name: String, limit: Int) -> Diagnostic {
        Diagnostic(
            .bundleLimit, at: SourceLocation(file: name),
            message: "Tệp \"\(name)\" có tỉ lệ nén bất thường (vượt \(limit):1).",
            english: "Entry \"\(name)\" compresses more than \(limit):1."
        )
    }

    static func noReport() -> Diagnostic {
        Diagnostic(
            .bundleNoReport, at: SourceLocation(file: "report.xml"),
            message: "Tệp nén không có tệp report.xml ở thư mục gốc.",
            english: "No report.xml at the root of the bundle."
        )
    }
}
