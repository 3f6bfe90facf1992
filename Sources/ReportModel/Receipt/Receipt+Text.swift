extension Receipt {
    /// The receipt as a unit's clerk reads it: plain Vietnamese, English after
    /// each message, every problem with its code and place.
    public var text: String {
        var lines: [String] = []
        lines.append("BIÊN NHẬN BÁO CÁO / SUBMISSION RECEIPT")
        lines.append("Tệp (file): \(file)")
        lines.append("Kết quả (outcome): \(outcome.label) (\(outcome.rawValue))")
        if let unit { lines.append("Đơn vị (unit): \(unit)") }
        if let year { lines.append("Năm báo cáo (year): \(year)") }
        if let kind { lines.append("Loại (kind): \(kind.label) (\(kind.rawValue))") }
        if let id { lines.append("Mã báo cáo (id): \(id)") }
        if let supersedes { lines.append("Thay thế báo cáo (supersedes): \(supersedes)") }
        lines.append("Thời điểm tiếp nhận (received): \(received)")
        switch channel {
        case .inbox: lines.append("Kênh gửi (channel): hộp thư đến (inbox)")
        case .portal: lines.append("Kênh gửi (channel): cổng thông tin (portal)" + (account.map { ", tài khoản \($0)" } ?? ""))
        case nil: break
        }
        lines.append("Thời hạn (timeliness): \(late ? "Muộn (late)" : "Đúng hạn (on time)")")
        lines.append("SHA-256: \(sha256)")
        if diagnostics.isEmpty {
            lines.append("Không có lỗi hay cảnh báo nào. (No problems found.)")
        } else {
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            lines.append("Phát hiện \(errors) lỗi, \(warnings) cảnh báo (\(errors) errors, \(warnings) warnings):")
            for (n, d) in diagnostics.enumerated() {
                let kindLabel = d.severity == .error ? "Lỗi" : "Cảnh báo"
                lines.append("\(n + 1). [\(d.code.rawValue)] \(kindLabel) tại \(d.location.vietnamese): \(d.message)")
                lines.append("   (\(d.severity.rawValue) at \(d.location.english): \(d.messageEnglish))")
            }
        }
        switch outcome {
        case .rejected:
            lines.append("Báo cáo chưa được tiếp nhận. Đề nghị sửa các lỗi trên và gửi lại. (Rejected: fix the errors and send again.)")
        case .duplicate:
            lines.append("Tệp này giống hệt một báo cáo đã tiếp nhận; không có gì thay đổi. (Identical to an accepted submission; nothing changed.)")
        case .accepted:
            break
        }
        // Names and ids come from the sender: nothing in them may drive a terminal.
        return DisplayName.printable(lines.joined(separator: "\n") + "\n")
    }
}

extension SourceLocation {
    /// `tệp report.xml, dòng 12, cột 5`.
    public var vietnamese: String {
        var parts: [String] = []
        parts.append("tệp \(file ?? "(không rõ)")")
        if let line { parts.append("dòng \(line)") }
        if let column { parts.append("cột \(column)") }
        return parts.joined(separator: ", ")
    }

    /// `report.xml:12:5`.
    public var english: String {
        var place = file ?? "-"
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return place
    }
}
