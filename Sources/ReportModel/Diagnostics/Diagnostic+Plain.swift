import Foundation

extension Diagnostic {
    /// What is wrong and where, as a letter to the unit says it: plain
    /// Vietnamese, no code, no English, no command, no validator's dump.
    /// One sentence per code, with the place in words.
    public var plainSentence: String {
        let what = Self.plainWhat(self)
        guard let place = location.plainPlace else { return what + "." }
        return "\(place): \(Self.lowerFirst(what))."
    }

    private static func plainWhat(_ diagnostic: Diagnostic) -> String {
        let message = diagnostic.message
        let quoted = Self.quoted(message)
        let task = Self.task(in: message).map { "nhiệm vụ \($0)" }
        switch diagnostic.code {
        case .bundleCorrupt:
            return "Tệp nén bị hỏng hoặc không trọn vẹn (có thể do gửi chưa hết), không mở được"
        case .bundleUnsafePath:
            return "Trong tệp nén có tệp mang tên không hợp lệ" + (quoted.map { " («\($0)»)" } ?? "")
                + ": tên tệp không được bắt đầu bằng dấu gạch chéo, chứa “..”, dấu gạch ngược hay tên ổ đĩa"
        case .bundleLink:
            return "Trong tệp nén có một mục chỉ là liên kết tới tệp khác" + (quoted.map { " («\($0)»)" } ?? "")
                + ", không phải tệp thật"
        case .bundleEncrypted:
            return "Một tệp trong tệp nén được đặt mật khẩu" + (quoted.map { " («\($0)»)" } ?? "")
                + "; cần nén lại mà không đặt mật khẩu"
        case .bundleDuplicateEntry:
            return "Tệp nén có hai tệp trùng tên" + (quoted.map { " («\($0)»)" } ?? "") + ", kể cả khi chỉ khác nhau về chữ hoa, chữ thường"
        case .bundleLimit:
            return "Tệp gửi đến quá lớn hoặc có quá nhiều tệp, vượt giới hạn tiếp nhận"
        case .bundleNoReport:
            return "Tệp nén không có tệp báo cáo report.xml ở thư mục gốc"
        case .manifestMismatch:
            return "Bản kê các tệp kèm theo không khớp với nội dung tệp nén" + (quoted.map { " (tệp «\($0)»)" } ?? "")
        case .signatureMissing:
            return "Đơn vị đã đăng ký khóa ký số nhưng báo cáo gửi đến chưa được ký số"
        case .signatureInvalid:
            return "Chữ ký số không hợp lệ: gói báo cáo đã bị sửa sau khi ký, hoặc được ký bằng khóa khác khóa đã đăng ký"
        case .xmlMalformed:
            return "Tệp báo cáo không đúng cấu trúc (thiếu thẻ đóng, sai dấu ngoặc hoặc có ký tự không hợp lệ)"
        case .xmlDTD:
            return "Tệp báo cáo có phần khai báo định nghĩa tài liệu (DOCTYPE), mẫu báo cáo không cho phép"
        case .xmlEncoding:
            return "Tệp báo cáo dùng bảng mã không được hỗ trợ, hoặc có ký tự không đúng bảng mã đã khai; nên lưu tệp ở dạng UTF-8"
        case .schemaInvalid:
            // Read from libxml2's own words, kept in the English text.
            return SchemaWords.explain(diagnostic.messageEnglish)
        case .planMismatch:
            return "Báo cáo ghi sai tên kế hoạch: phải là Kế hoạch triển khai Quyết định số 433/QĐ-TTg"
        case .unitUnknown:
            return "Mã đơn vị ghi trong báo cáo không có trong danh mục các đơn vị"
        case .yearOutOfRange:
            return "Năm báo cáo nằm ngoài thời gian thực hiện Kế hoạch"
        case .taskUnknown:
            return "Báo cáo có một nhiệm vụ" + (quoted.map { " mang mã «\($0)»" } ?? "") + " không có trong Kế hoạch"
        case .taskNotAssigned:
            return "Đơn vị không chủ trì, cũng không có tên trong danh sách phối hợp của " + (task ?? "nhiệm vụ được báo cáo")
        case .taskDuplicate:
            return (task.map { Self.upperFirst($0) } ?? "Một nhiệm vụ") + " được báo cáo hai lần trong cùng một báo cáo"
        case .statusInconsistent:
            return "Trạng thái và tiến độ của nhiệm vụ không khớp nhau: nhiệm vụ đã hoàn thành phải đạt 100%, nhiệm vụ chưa triển khai phải là 0%"
        case .monthOutOfYear:
            return "Kết quả được ghi cho một tháng không thuộc năm báo cáo"
        case .indicatorUnknown:
            return "Chỉ số" + (quoted.map { " «\($0)»" } ?? "")
                + " không có trong Kế hoạch; chỉ số riêng của đơn vị phải có mã bắt đầu bằng “x-”, có tên và đơn vị tính"
        case .attachmentMissing:
            return "Sản phẩm dẫn chiếu một tệp minh chứng" + (quoted.map { " («\($0)»)" } ?? "") + " không có trong gói báo cáo"
        case .idConflict:
            return "Mã báo cáo đã được dùng cho một báo cáo khác đã tiếp nhận; báo cáo sửa đổi phải mang mã mới và ghi rõ mã báo cáo được thay thế"
        case .supersedesUnknown:
            return "Báo cáo ghi là thay thế một báo cáo" + (quoted.map { " («\($0)»)" } ?? "")
                + " không có trong số các báo cáo cùng năm, cùng loại đã được tiếp nhận của đơn vị"
        case .valueTooLarge:
            return "Số liệu quá lớn (số tiền vượt một triệu tỷ đồng, hoặc giá trị chỉ số vượt một nghìn tỷ), cần kiểm tra lại"
        case .unitNotAuthorised:
            return "Tài khoản gửi báo cáo không được gửi báo cáo thay cho đơn vị ghi trong báo cáo"
        case .late:
            return "Báo cáo được nhận sau thời hạn gửi báo cáo"
        case .templateText:
            return "Báo cáo còn chữ mẫu" + (quoted.map { " «\($0)»" } ?? "") + " chưa được thay bằng thông tin thật"
        case .taskMissing:
            return "Báo cáo còn thiếu " + (task ?? "một nhiệm vụ") + " mà đơn vị chủ trì và phải báo cáo trong năm"
        }
    }

    /// The first value the message quotes (a name, a code), if any.
    private static func quoted(_ message: String) -> String? {
        guard let open = message.firstIndex(of: "\""),
              let close = message[message.index(after: open)...].firstIndex(of: "\"") else { return nil }
        let value = String(message[message.index(after: open)..<close])
        return value.isEmpty ? nil : value
    }

    /// `2.3.8` in "… nhiệm vụ 2.3.8 …".
    private static func task(in message: String) -> String? {
        guard let range = message.range(of: "nhiệm vụ ") else { return nil }
        let code = message[range.upperBound...].prefix { $0.isNumber || $0 == "." || "IVX".contains($0) }
        let trimmed = code.hasSuffix(".") ? code.dropLast() : code
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    public static func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        // Keep a name (Nhiệm vụ…, Báo cáo…) readable after a colon: only the first letter changes.
        return first.lowercased() + text.dropFirst()
    }

    static func upperFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

extension SourceLocation {
    /// `Tại dòng 12, cột 5 của tệp report.xml`; nil when there is no place.
    public var plainPlace: String? {
        guard let file else { return nil }
        switch (line, column) {
        case (let line?, let column?): return "Tại dòng \(line), cột \(column) của tệp \(file)"
        case (let line?, nil): return "Tại dòng \(line) của tệp \(file)"
        default: return "Trong tệp \(file)"
        }
    }
}

/// libxml2's schema findings, said in the words of the form: which field,
/// what is expected there. A finding it does not recognise gets a general
/// sentence, never the validator's English. Receipts (the diagnostic's
/// Vietnamese message) and letters say them so.
public enum SchemaWords {
    public static func explain(_ message: String) -> String {
        let text = message
        let element = capture(text, after: "Element '", until: "'").map(field)
        let expected = (capture(text, after: "Expected is ( ", until: " )") ?? capture(text, after: "Expected is one of ( ", until: " )"))?
            .split(separator: ",").map { field(String($0).trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.isEmpty }
        if text.contains("This element is not expected") {
            guard let element else { return general }
            if let expected, !expected.isEmpty {
                return "Mục «\(element)» không đúng chỗ: ở vị trí này cần mục «\(expected.joined(separator: "» hoặc «"))»"
            }
            return "Mục «\(element)» không đúng chỗ hoặc không có trong mẫu báo cáo"
        }
        if text.contains("Missing child element") {
            let need = expected.map { $0.isEmpty ? "" : " «\($0.joined(separator: "» hoặc «"))»" } ?? ""
            return "Mục «\(element ?? "báo cáo")» còn thiếu mục bắt buộc\(need)"
        }
        if let attribute = capture(text, after: "The attribute '", until: "' is required but missing") {
            return "Mục «\(element ?? "báo cáo")» thiếu thông tin bắt buộc «\(field(attribute))»"
        }
        if let attribute = capture(text, after: "The attribute '", until: "' is not allowed") {
            return "Mục «\(element ?? "báo cáo")» không có thông tin «\(field(attribute))» trong mẫu báo cáo"
        }
        let subject = capture(text, after: "attribute '", until: "'").map { "Thông tin «\(field($0))» của mục «\(element ?? "báo cáo")»" }
            ?? "Mục «\(element ?? "báo cáo")»"
        let value = capture(text, after: "The value '", until: "'") ?? invalidValue(text)
        let writing = value.map { " (đang ghi «\($0)»)" } ?? ""
        if text.contains("[facet 'pattern']") && text.contains("\\S") || text.contains("[facet 'minLength']") {
            return "\(subject) không được để trống"
        }
        if text.contains("[facet 'pattern']") && text.contains("(0[1-9]|1[0-2])") {
            return "\(subject) phải ghi năm và tháng dạng NNNN-TT, ví dụ 2026-11" + writing
        }
        if text.contains("[facet 'maxInclusive']"), let most = capture(text, after: "allowed ('", until: "')") {
            return "\(subject) lớn hơn mức tối đa cho phép là \(most)" + writing
        }
        if text.contains("[facet 'minInclusive']"), let least = capture(text, after: "allowed ('", until: "')") {
            return "\(subject) nhỏ hơn mức tối thiểu cho phép là \(least)" + writing
        }
        if let attribute = capture(text, after: "attribute '", until: "'") {
            return "Thông tin «\(field(attribute))» của mục «\(element ?? "báo cáo")» có giá trị không hợp lệ"
                + (value.map { " («\($0)»)" } ?? "") + allowed(text)
        }
        if text.contains("is not a valid value") || text.contains("[facet") {
            return "Mục «\(element ?? "báo cáo")» có giá trị không hợp lệ" + allowed(text)
        }
        if text.contains("No matching global declaration") || text.contains("No matching global element declaration") {
            return "Tệp không phải báo cáo theo mẫu (phần tử gốc hoặc không gian tên không đúng)"
        }
        return general
    }

    /// `v` in "…: 'v' is not a valid value of …".
    private static func invalidValue(_ text: String) -> String? {
        guard let end = text.range(of: "' is not a valid value"),
              let start = text[..<end.lowerBound].lastIndex(of: "'") else { return nil }
        return String(text[text.index(after: start)..<end.lowerBound])
    }

    private static let general = "Nội dung không đúng mẫu báo cáo (thiếu mục bắt buộc, sai thứ tự hoặc sai giá trị)"

    /// ` (các giá trị được phép: a, b, c)` from an enumeration facet; nothing for an empty set.
    private static func allowed(_ text: String) -> String {
        guard let set = capture(text, after: "set {", until: "}") else { return "" }
        let values = set.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '")) }.filter { !$0.isEmpty }
        return values.isEmpty ? "" : " (các giá trị được phép: \(values.joined(separator: ", ")))"
    }

    private static func capture(_ text: String, after start: String, until end: String) -> String? {
        guard let from = text.range(of: start), let to = text[from.upperBound...].range(of: end) else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }

    /// The form's Vietnamese name for an element or attribute of report.xml.
    static func field(_ raw: String) -> String {
        let name = raw.split(separator: "}").last.map(String.init) ?? raw
        switch name.trimmingCharacters(in: .whitespaces) {
        case "report": return "báo cáo"
        case "preparer": return "người lập báo cáo"
        case "task": return "nhiệm vụ"
        case "responsible": return "cá nhân chủ trì"
        case "result": return "kết quả theo tháng"
        case "indicator": return "chỉ số"
        case "product": return "sản phẩm"
        case "difficulty": return "khó khăn, vướng mắc"
        case "proposal": return "đề xuất, kiến nghị"
        case "funding": return "kinh phí"
        case "detailed-plan": return "kế hoạch chi tiết"
        case "milestone": return "mốc kết quả"
        case "id": return "mã báo cáo"
        case "plan": return "kế hoạch"
        case "unit": return "đơn vị"
        case "year": return "năm"
        case "kind": return "loại"
        case "submitted": return "ngày gửi"
        case "supersedes": return "báo cáo được thay thế"
        case "name": return "họ tên, tên"
        case "position": return "chức vụ"
        case "email": return "thư điện tử"
        case "phone": return "điện thoại"
        case "code": return "mã"
        case "status": return "trạng thái"
        case "progress": return "tiến độ"
        case "role": return "vai trò"
        case "month": return "tháng"
        case "actual": return "giá trị đạt được"
        case "target": return "chỉ tiêu"
        case "measure": return "đơn vị tính"
        case "date": return "ngày"
        case "file": return "tệp minh chứng"
        case "source": return "nguồn kinh phí"
        case "amount": return "số tiền"
        case "to": return "nơi nhận đề xuất"
        case "##other": return "mục khác"
        default: return name
        }
    }
}
