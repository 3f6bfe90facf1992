#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Intake
import Pipeline
import ReportModel
import Store
import XCTest

/// The package's root: the folder above this file that holds Package.swift.
enum PackageRoot {
    static let url: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()
}

/// Instants of the report calendar, written the way the spec writes them.
enum Instant {
    static func at(_ iso: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: iso) else { fatalError("bad instant \(iso)") }
        return date
    }

    /// 2026-11-10 08:00:00 +07:00 plus `minutes`: well before the deadline.
    static func early(_ minutes: Int) -> Date { at("2026-11-10T08:00:00+07:00").addingTimeInterval(TimeInterval(minutes * 60)) }
}

/// Reports made from the shipped sample (a valid HVCL 2026 annual report).
enum Sample {
    static let originalID = "uuid:3f6c1d2a-8b4e-4c7f-9a15-2e7d0b6c9f41"
    static let text: String = {
        let url = PackageRoot.url.appendingPathComponent("Fixtures/sample-report.xml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("cannot read \(url.path)") }
        return text
    }()

    /// The sample with another `@id`, optionally `@supersedes`, unit and trainee count.
    static func report(id: String, supersedes: String? = nil, unit: String = "HVCL", trainees: Int = 198) -> Data {
        var t = text
        t = replaceOnce(t, "id=\"\(originalID)\"", "id=\"\(id)\"" + (supersedes.map { " supersedes=\"\($0)\"" } ?? ""))
        t = replaceOnce(t, "unit=\"HVCL\"", "unit=\"\(unit)\"")
        t = replaceOnce(t, "<indicator code=\"trainees.count\" actual=\"198\"/>", "<indicator code=\"trainees.count\" actual=\"\(trainees)\"/>")
        return Data(t.utf8)
    }

    /// Not well-formed: an element left open.
    static func malformed(_ tag: String) -> Data {
        Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report xmlns=\"urn:baocao:unit-report:1\" id=\"\(tag)\">\n  <task>\n".utf8)
    }

    private static func replaceOnce(_ text: String, _ old: String, _ new: String) -> String {
        let parts = text.components(separatedBy: old)
        precondition(parts.count == 2, "the sample should hold \(old) exactly once")
        return parts.joined(separator: new)
    }
}

/// A scratch inbox, store and outbox under the temporary directory.
final class Workspace {
    let root: URL
    let inbox: URL
    let store: URL
    let outbox: URL

    /// The inbox's own folder when it lives elsewhere (another file system).
    private let inboxRoot: URL?

    /// `inboxParent`: put the inbox there instead of beside the store.
    init(_ label: String, inboxParent: URL? = nil) throws {
        let name = "baocao-pipeline-\(label)-\(UUID().uuidString)"
        root = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        inboxRoot = inboxParent?.appendingPathComponent(name)
        inbox = (inboxRoot ?? root).appendingPathComponent("Inbox")
        store = root.appendingPathComponent("Store")
        outbox = root.appendingPathComponent("Outbox")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
        if let inboxRoot { try? FileManager.default.removeItem(at: inboxRoot) }
    }

    /// A writable folder on another file system than the temporary directory
    /// (where stores go), so hard links from the inbox fail; nil if none.
    static let otherFileSystem: URL? = {
        func device(_ path: String) -> UInt64? {
            var info = stat()
            return stat(path, &info) == 0 ? UInt64(info.st_dev) : nil
        }
        let candidate = URL(fileURLWithPath: "/dev/shm")
        guard let here = device(FileManager.default.temporaryDirectory.path), let there = device(candidate.path),
              here != there, access(candidate.path, W_OK) == 0 else { return nil }
        return candidate
    }()

    var layout: StoreLayout { StoreLayout(root: store) }

    /// Puts a file in the inbox with `received` as its modification time.
    func drop(_ name: String, _ data: Data, received: Date) throws {
        let url = inbox.appendingPathComponent(name)
        try data.write(to: url)
        try FileManager.default.setAttributes([.modificationDate: received], ofItemAtPath: url.path)
    }

    var inboxNames: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).sorted() }

    /// The ledger as it is on disk, read without repairing anything.
    func ledger() throws -> [LedgerRecord] { try LedgerFile(url: layout.ledger).load().records }

    func index() throws -> LedgerIndex { LedgerIndex(records: try ledger()) }

    /// Every file below `folder` (relative paths) with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return files }
        for case let path as String in walker {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }
}

/// The two ways a test can run `ingest`.
enum Runner: String, CaseIterable {
    case inProcess
    case binary
}

/// `ingest` and `status`, in this process (through `IngestRun`) or through the real binary.
enum Ingest {
    static let resources: IntakeResources = {
        do { return try IntakeResources.load() } catch { fatalError("cannot load the shipped plan and schemas: \(error)") }
    }()

    static func run(_ ws: Workspace, via runner: Runner, file: StaticString = #filePath, line: UInt = #line) throws -> [Receipt] {
        switch runner {
        case .inProcess:
            return try inProcess(ws)
        case .binary:
            let result = try Binary.run(["ingest", "--json", "--inbox", ws.inbox.path, "--store", ws.store.path, "--outbox", ws.outbox.path])
            let receipts = try Binary.results(result.stdout)
            let expectedStatus: Int32 = receipts.contains { $0.outcome == .rejected } ? 1 : 0
            XCTAssertEqual(result.status, expectedStatus, "baocao ingest exit status; stderr: \(result.stderr)", file: file, line: line)
            return receipts
        }
    }

    static func inProcess(_ ws: Workspace) throws -> [Receipt] {
        let checker = SubmissionChecker(resources: resources, keyring: Keyring(keys: [:]))
        let run = IngestRun(checker: checker, storeRoot: ws.store, receipts: ReceiptWriter(outbox: ws.outbox))
        let inbox = ws.inbox
        return try Blocking.wait {
            var receipts: [Receipt] = []
            _ = try await run.run(inbox: inbox, each: { receipts.append($0) })
            return receipts
        }
    }
}

/// Waits on the test's own thread for async work: a synchronous test
/// drives the async pipeline as `main` does.
enum Blocking {
    private final class Box<T>: @unchecked Sendable {
        var result: Result<T, Error>?
        init() {}
    }

    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// The real `baocao` executable.
enum Binary {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// `$BAOCAO_BIN`, else the `baocao` built beside this test bundle (same
    /// scratch path), else the package's `.build/debug/baocao`.
    static func locate() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["BAOCAO_BIN"] { candidates.append(URL(fileURLWithPath: path)) }
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("baocao"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(PackageRoot.url.appendingPathComponent(".build/debug/baocao"))
        for url in candidates where FileManager.default.isExecutableFile(atPath: url.path) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue { return url }
        }
        throw MissingBinary(looked: candidates.map(\.path))
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var looked: [String]
        var description: String {
            "the baocao executable is missing (run `swift build` first, or set BAOCAO_BIN); looked at: " + looked.joined(separator: ", ")
        }
    }

    /// Runs `baocao ARGS` to the end.
    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = try locate()
        process.arguments = arguments
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let errorHandle = try FileHandle(forWritingTo: errors)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let stderr = String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self)
        return Result(status: process.terminationStatus, stdout: output, stderr: stderr)
    }

    /// Starts `baocao ARGS` with its output discarded; the caller waits or kills.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try locate()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func ingestArguments(_ ws: Workspace, json: Bool = false) -> [String] {
        ["ingest"] + (json ? ["--json"] : []) + ["--inbox", ws.inbox.path, "--store", ws.store.path, "--outbox", ws.outbox.path]
    }

    private struct Results: Decodable { var results: [Receipt] }

    static func results(_ stdout: Data) throws -> [Receipt] {
        try JSONDecoder().decode(Results.self, from: stdout).results
    }
}

extension Receipt {
    var codes: [String] { diagnostics.map(\.code.rawValue) }
}
