#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// `baocao serve` running as a real process on 127.0.0.1, stopped with SIGTERM.
final class ServeProcess {
    let process = Process()
    let port: Int
    let stderrURL: URL

    init(_ space: Workspace, extra: [String] = []) throws {
        stderrURL = space.root.appendingPathComponent("serve-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let out = Pipe()
        process.executableURL = try Baocao.executable()
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--store", space.store.path, "--outbox", space.outbox.path,
                             "--inbox", space.inbox.path] + extra
        process.currentDirectoryURL = space.root
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        // The one line it prints once it accepts connections.
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "listening on http://127.0.0.1:"),
              let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw Baocao.Failure(description: "serve printed \"\(text)\"")
        }
        self.port = port
    }

    /// SIGTERM, then the exit status.
    func stop() -> Int32 {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    var log: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    deinit { _ = stop() }
}

/// A bare HTTP/1.1 client on a socket: whole requests, and requests cut off
/// half way, which no ordinary client sends.
enum RawHTTP {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends `head` and then `body` (only its first `sendOnly` bytes if
    /// given, then closes), and reads the answer if the request was whole.
    static func send(port: Int, method: String, path: String, headers: [String: String] = [:], body: Data = Data(),
                     declaredLength: Int? = nil, sendOnly: Int? = nil, chunked: Bool = false) throws -> Answer? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Baocao.Failure(description: "socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Baocao.Failure(description: "connect: \(errno)") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if chunked {
            head += "Transfer-Encoding: chunked\r\n"
        } else {
            head += "Content-Length: \(declaredLength ?? body.count)\r\n"
        }
        head += "\r\n"
        var bytes = Data(head.utf8)
        if chunked {
            var offset = 0
            while offset < body.count {
                let piece = body[offset..<min(offset + 65536, body.count)]
                bytes += Data(String(piece.count, radix: 16).utf8) + Data("\r\n".utf8) + piece + Data("\r\n".utf8)
                offset += piece.count
            }
            bytes += Data("0\r\n\r\n".utf8)
        } else {
            bytes += body.prefix(sendOnly ?? body.count)
        }
        _ = bytes.withUnsafeBytes { buffer -> Int in
            var sent = 0
            while sent < buffer.count {
                let n = Glibc.send(fd, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { break }
                sent += n
            }
            return sent
        }
        if sendOnly != nil { return nil }
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            answer.append(contentsOf: buffer[0..<n])
        }
        guard let split = answer.range(of: Data("\r\n\r\n".utf8)) else { throw Baocao.Failure(description: "no answer") }
        let lines = String(decoding: answer[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: status, headers: fields, body: Data(answer[split.upperBound...]))
    }
}
