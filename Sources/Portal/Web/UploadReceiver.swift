import Foundation
import Store
import Hummingbird
import MultipartKit
import NIOCore
import ReportModel
import SystemKit

/// Streams an upload's body to a new file in the store's `uploads/`, the
/// size limit enforced as bytes arrive: past it, or cut off half way,
/// the file is removed and nothing is kept. The body is either the file
/// itself (its name in `X-Filename`, percent-encoded UTF-8) or
/// `multipart/form-data` with the file in the part named `file` (the
/// pages' form: its other fields, small, come back beside it).
struct UploadReceiver {
    let folder: URL
    let limit: Int64
    let clock: @Sendable () -> Date

    struct Received {
        var upload: ReceivedUpload
        var fields: [String: String]
    }

    func receive(_ request: Request) async throws(PortalError) -> Received {
        if let declared = request.headers[.contentLength].flatMap({ Int64($0) }), declared > limit {
            throw .tooLarge(limit)
        }
        let contentType = request.headers[.contentType] ?? ""
        let path = folder.appendingPathComponent("upload-\(Credentials.randomHex(bytes: 12))").path
        let file: OpenFile
        do throws(SystemError) {
            file = try OpenFile.creating(path, mode: 0o600)
        } catch {
            throw .unavailable(error.english)
        }
        var kept = false
        defer {
            try? file.close()
            if !kept { FileSystemPaths.removeQuietly(path) }
        }
        let result: (size: Int64, name: String, fields: [String: String])
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.utf8.count <= 200 else {
                throw .badRequest(vi: "Thiếu ranh giới (boundary) của multipart/form-data.", en: "multipart/form-data without a boundary.")
            }
            result = try await multipart(request.body, boundary: boundary, into: file)
        } else {
            let size = try await raw(request.body, into: file)
            let name = try Self.fileName(request.headers[.init("X-Filename")!], contentType: contentType)
            result = (size, name, [:])
        }
        if let declared = request.headers[.contentLength].flatMap({ Int64($0) }), !contentType.lowercased().hasPrefix("multipart/"),
           declared != result.size {
            throw .incomplete
        }
        kept = true
        return Received(upload: ReceivedUpload(path: path, name: result.name, size: result.size, received: clock()), fields: result.fields)
    }

    private func raw(_ body: RequestBody, into file: OpenFile) async throws(PortalError) -> Int64 {
        var size: Int64 = 0
        do {
            for try await buffer in body {
                size += Int64(buffer.readableBytes)
                guard size <= limit else { throw PortalError.tooLarge(limit) }
                try file.write(Data(buffer.readableBytesView))
            }
        } catch let error as PortalError {
            throw error
        } catch let error as SystemError {
            throw .unavailable(error.english)
        } catch {
            throw .incomplete
        }
        return size
    }

    /// One pass over the parts: the `file` part to disk, the others (at
    /// most 64 KiB together) as text.
    private func multipart(_ body: RequestBody, boundary: String, into file: OpenFile)
        async throws(PortalError) -> (size: Int64, name: String, fields: [String: String]) {
        final class Parts {
            var headers: [(String, String)] = []
            var fieldName: String?
            var fileName: String?
            var isFile = false
            var fileSeen = false
            var fileComplete = false
            var fileSize: Int64 = 0
            var text: [UInt8] = []
            var textTotal = 0
            var fields: [String: String] = [:]
            var failure: PortalError?
        }
        let parts = Parts()
        let parser = MultipartParser(boundary: boundary)
        let limit = self.limit
        parser.onHeader = { name, value in
            guard name.lowercased() == "content-disposition" else { return }
            parts.fieldName = UploadReceiver.parameter("name", in: value)
            parts.fileName = UploadReceiver.parameter("filename*", in: value).flatMap(UploadReceiver.extendedValue)
                ?? UploadReceiver.parameter("filename", in: value)
            parts.isFile = parts.fieldName == "file" && !parts.fileSeen
        }
        parser.onBody = { buffer in
            guard parts.failure == nil else { return }
            if parts.isFile {
                parts.fileSize += Int64(buffer.readableBytes)
                do throws(SystemError) {
                    try file.write(Data(buffer.readableBytesView))
                } catch {
                    parts.failure = .unavailable(error.english)
                }
            } else {
                parts.textTotal += buffer.readableBytes
                guard parts.textTotal <= 64 << 10 else {
                    parts.failure = .badRequest(vi: "Các trường của biểu mẫu quá dài.", en: "Form fields too long.")
                    return
                }
                parts.text += buffer.readableBytesView
            }
        }
        parser.onPartComplete = {
            if parts.isFile {
                parts.fileSeen = true
                parts.fileComplete = true
                parts.isFile = false
            } else if let name = parts.fieldName {
                parts.fields[name] = String(decoding: parts.text, as: UTF8.self)
            }
            parts.text = []
            parts.fieldName = nil
        }
        var total: Int64 = 0
        do {
            for try await buffer in body {
                total += Int64(buffer.readableBytes)
                guard total <= limit else { throw PortalError.tooLarge(limit) }
                try parser.execute(buffer)
                if let failure = parts.failure { throw failure }
            }
        } catch let error as PortalError {
            throw error
        } catch {
            throw .incomplete
        }
        guard parts.fileComplete else {
            throw parts.fileSeen || parts.fileName != nil
                ? .incomplete
                : .badRequest(vi: "Chưa chọn tệp báo cáo để gửi (trường \"file\").", en: "No part named \"file\" in the form.")
        }
        let name = try Self.cleanName(parts.fileName ?? "")
        return (parts.fileSize, name, parts.fields)
    }

    /// The name to record for a raw body: `X-Filename`, percent-decoded,
    /// else `report.xml` or `report.zip` by the content type.
    static func fileName(_ header: String?, contentType: String) throws(PortalError) -> String {
        guard let header, !header.isEmpty else { return contentType.lowercased().contains("zip") ? "report.zip" : "report.xml" }
        guard let decoded = header.removingPercentEncoding else {
            throw .badRequest(vi: "X-Filename phải là tên tệp mã hóa phần trăm (UTF-8).", en: "X-Filename must be percent-encoded UTF-8.")
        }
        return try cleanName(decoded)
    }

    /// A file name as a browser or client sends it, without any folder part.
    static func cleanName(_ raw: String) throws(PortalError) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let name = last.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name != ".", name != "..", name.utf8.count <= 255 else {
            throw .badRequest(vi: "Tên tệp không hợp lệ.", en: "The file name is not valid.")
        }
        return name
    }

    /// `name=value` or `name="value"` in a header such as Content-Type or Content-Disposition.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            return value
        }
        return nil
    }

    /// RFC 5987's `UTF-8''percent-encoded`.
    static func extendedValue(_ value: String) -> String? {
        guard let quote = value.range(of: "''") else { return nil }
        return String(value[quote.upperBound...]).removingPercentEncoding
    }
}
