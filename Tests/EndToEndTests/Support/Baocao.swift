import Foundation
import XCTest

/// The built `baocao` executable, run as a user would run it.
///
/// It is looked for beside this test bundle (the products folder of the
/// build that built the tests: `swift test --scratch-path X` → `X/debug`),
/// then in the package's `.build/debug`. `BAOCAO` in the environment wins.
enum Baocao {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The package root, from this file's path: Tests/EndToEndTests/Support/Baocao.swift.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures: URL = packageRoot.appendingPathComponent("Fixtures")

    static func executable() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["BAOCAO"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        // The products folder of this build: on macOS the .xctest bundle sits in it; on Linux the
        // tests are an executable in it (Bundle.main), and Bundle(for:) may name that folder itself.
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("baocao"))
        candidates.append(bundle.appendingPathComponent("baocao"))
        if let tests = Bundle.main.executableURL {
            candidates.append(tests.deletingLastPathComponent().appendingPathComponent("baocao"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/baocao"))
        for url in candidates where isExecutable(url) {
            return url
        }
        throw Failure(description: "the baocao executable is not built: looked for \(candidates.map(\.path).joined(separator: ", ")); run `swift build` first")
    }

    private static func isExecutable(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }

    /// What one run printed and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var arguments: [String]

        /// stdout as a JSON object, or a test failure saying why not.
        func json(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
            guard let object = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
                XCTFail("baocao \(arguments.joined(separator: " ")) did not print a JSON object (exit \(status)):\n\(stdout)\n\(stderr)",
                        file: file, line: line)
                throw Failure(description: "no JSON")
            }
            return object
        }

        var summary: String { "baocao \(arguments.joined(separator: " ")) → exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
    }

    /// Runs `baocao arguments…` in `directory` (a scratch folder, so that the
    /// defaults `Inbox/`, `Store/`, `Outbox/` never touch the project's own).
    static func run(_ arguments: [String], in directory: URL, wrapper: [String] = []) throws -> Run {
        let process = Process()
        if let tool = wrapper.first {
            // Under another program (GNU time): it runs baocao with the arguments.
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(wrapper.dropFirst()) + [try executable().path] + arguments
        } else {
            process.executableURL = try executable()
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let outURL = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                   arguments: arguments)
    }

    /// Runs a script of the project (bash) with arguments.
    static func script(_ name: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", packageRoot.appendingPathComponent(name).path] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both outputs are small: read one to the end, then the other.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self), arguments: [name] + arguments)
    }
}

private final class BundleMarker {}
