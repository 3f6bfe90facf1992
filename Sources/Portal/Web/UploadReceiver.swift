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
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            let form = try await receiveForm(request)
            guard let upload = form.files["file"] else {
                form.discard()
                throw form.cutShort ? .incomplete
                    : .badRequest(vi: "Chưa chọn tệp báo cáo để gửi (trường \"file\").", en: "No part named \"file\" in the form.")
            }
            for (name, other) in form.files where name != "file" { FileSystemPaths.removeQuietly(other.path) }
            return Received(upload: upload, fields: form.fields)
        }
        let path = newPath()
        let declared = request.headers[.contentLength].flatMap { Int64($0) }
        let file = try create(path, expected: declared)
        var kept = false
        defer { if !kept { FileSystemPaths.removeQuietly(path) } }
        try await raw(request.body, into: file)
        let held = try await finishAway(file)
        let name = try Self.fileName(request.headers[.init("X-Filename")!], contentType: contentType)
        if let declared, declared != file.size { throw .incomplete }
        kept = true
        return Received(upload: ReceivedUpload(path: path, name: name, size: file.size, received: clock(), held: held), fields: [:])
    }

    /// A `multipart/form-data` body: its text fields, and each file part
    /// (with a file name and bytes) in a file of its own in `uploads/`.
    struct Form {
        var fields: [String: String] = [:]
        var files: [String: ReceivedUpload] = [:]
        /// A part begun and not finished.
        var cutShort = false

        func discard() {
            for file in files.values { FileSystemPaths.removeQuietly(file.path) }
        }
    }

    func receiveForm(_ request: Request) async throws(PortalError) -> Form {
        if let declared = request.headers[.contentLength].flatMap({ Int64($0) }), declared > limit {
            throw .tooLarge(limit)
        }
        let contentType = request.headers[.contentType] ?? ""
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.utf8.count <= 200 else {
            throw .badRequest(vi: "Thiếu ranh giới (boundary) của multipart/form-data.", en: "multipart/form-data without a boundary.")
        }
        final class Parts {
            var fieldName: String?
            var fileName: String?
            var file: DirectFileWriter?
            var path: String?
            var text: [UInt8] = []
            var textTotal = 0
            var form = Form()
            var open = false
            var failure: PortalError?
        }
        let parts = Parts()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            guard name.lowercased() == "content-disposition" else { return }
            parts.open = true
            parts.fieldName = UploadReceiver.parameter("name", in: value)
            parts.fileName = UploadReceiver.parameter("filename*", in: value).flatMap(UploadReceiver.extendedValue)
                ?? UploadReceiver.parameter("filename", in: value)
            if let name = parts.fileName, !name.isEmpty, parts.failure == nil {
                let path = newPath()
                do throws(PortalError) {
                    parts.file = try create(path, expected: nil)
                    parts.path = path
                } catch {
                    parts.failure = error
                }
            }
        }
        parser.onBody = { buffer in
            guard parts.failure == nil else { return }
            if let file = parts.file {
                do throws(SystemError) {
                    try Self.write(buffer, to: file)
                } catch {
                    parts.failure = .unavailable(error.english)
                }
            } else if parts.fileName == nil {
                parts.textTotal += buffer.readableBytes
                guard parts.textTotal <= 256 << 10 else {
                    parts.failure = .badRequest(vi: "Các trường của biểu mẫu quá dài.", en: "Form fields too long.")
                    return
                }
                parts.text += buffer.readableBytesView
            }
        }
        parser.onPartComplete = {
            if let file = parts.file, let path = parts.path {
                let held: Data?
                do throws(PortalError) {
                    held = try finish(file)
                } catch {
                    parts.failure = error
                    FileSystemPaths.removeQuietly(path)
                    parts.file = nil
                    parts.path = nil
                    return
                }
                if let field = parts.fieldName, file.size > 0, let name = try? UploadReceiver.cleanName(parts.fileName ?? "") {
                    if let earlier = parts.form.files[field] { FileSystemPaths.removeQuietly(earlier.path) }
                    parts.form.files[field] = ReceivedUpload(path: path, name: name, size: file.size, received: clock(), held: held)
                } else {
                    // An empty file input: the browser sends a part with no bytes.
                    FileSystemPaths.removeQuietly(path)
                }
            } else if let name = parts.fieldName, parts.fileName == nil {
                parts.form.fields[name] = String(decoding: parts.text, as: UTF8.self)
            }
            parts.file = nil
            parts.path = nil
            parts.text = []
            parts.fieldName = nil
            parts.fileName = nil
            parts.open = false
        }
        var total: Int64 = 0
        func abandon() {
            parts.file = nil
            if let path = parts.path { FileSystemPaths.removeQuietly(path) }
            parts.form.discard()
        }
        do {
            for try await buffer in request.body {
                total += Int64(buffer.readableBytes)
                guard total <= limit else { throw PortalError.tooLarge(limit) }
                try parser.execute(buffer)
                if let failure = parts.failure { throw failure }
            }
        } catch let error as PortalError {
            abandon()
            throw error
        } catch {
            abandon()
            throw .incomplete
        }
        if parts.open {
            abandon()
            throw .incomplete
        }
        // Every file of a form shares the instant its body was complete.
        let now = clock()
        for key in parts.form.files.keys { parts.form.files[key]?.received = now }
        return parts.form
    }

    /// Appends a body buffer to the upload's file as it is.
    private static func write(_ buffer: ByteBuffer, to file: DirectFileWriter) throws(SystemError) {
        let failure: SystemError? = buffer.withUnsafeReadableBytes { bytes in
            do throws(SystemError) {
                try file.append(bytes)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Uploads up to this size stay in memory while they are written, and
    /// are checked from there, not read back from the file: the server
    /// then copies a bundle's bytes once (from the socket), and the file
    /// goes straight to the disk (`DirectFileWriter`). Larger ones (reports
    /// with large evidence) are read back as before; memory stays bounded
    /// by this much per upload in flight.
    static let heldLimit = 16 << 20

    private func newPath() -> String {
        folder.appendingPathComponent("upload-\(Credentials.randomHex(bytes: 12))").path
    }

    private func create(_ path: String, expected: Int64?) throws(PortalError) -> DirectFileWriter {
        do throws(SystemError) {
            return try DirectFileWriter(creating: path, mode: 0o644, keepLimit: Self.heldLimit, expected: expected)
        } catch {
            throw .unavailable(error.english)
        }
    }

    /// The upload's file complete and closed; its bytes when they were held.
    private func finish(_ file: DirectFileWriter) throws(PortalError) -> Data? {
        do throws(SystemError) {
            return try file.finish()
        } catch {
            throw .unavailable(error.english)
        }
    }

    /// `finish` off the server's threads: its last write waits for the disk
    /// (a direct write returns once the device has the bytes), and the two
    /// threads that run the handlers should check other uploads meanwhile.
    private func finishAway(_ file: DirectFileWriter) async throws(PortalError) -> Data? {
        nonisolated(unsafe) let file = file  // handed over: this task does not touch it until the work returns
        do {
            return try await Portal.offload { () throws -> Data? in try finish(file) }
        } catch let error as PortalError {
            throw error
        } catch {
            throw .unavailable(String(describing: error))
        }
    }

    private func raw(_ body: RequestBody, into file: DirectFileWriter) async throws(PortalError) {
        do {
            for try await buffer in body {
                guard file.size + Int64(buffer.readableBytes) <= limit else { throw PortalError.tooLarge(limit) }
                try Self.write(buffer, to: file)
            }
        } catch let error as PortalError {
            throw error
        } catch let error as SystemError {
            throw .unavailable(error.english)
        } catch {
            throw .incomplete
        }
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
