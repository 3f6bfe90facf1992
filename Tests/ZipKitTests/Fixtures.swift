import Foundation

/// Builds test archives with tools other than ZipKit, so the reader is
/// checked against archives it did not write itself.
enum Fixtures {
    struct ToolFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a Python script that writes a zip to `sys.argv[1]`; returns it.
    static func python(_ script: String) throws -> Data {
        try withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("out.zip")
            try run("/usr/bin/env", ["python3", "-c", script, out.path], in: dir)
            return try Data(contentsOf: out)
        }
    }

    /// Zips `files` with the `zip` command, encrypted with `password`.
    static func zipEncrypted(_ files: [String: String], password: String) throws -> Data {
        try withTemporaryDirectory { dir in
            for (name, text) in files {
                try Data(text.utf8).write(to: dir.appendingPathComponent(name))
            }
            try run("/usr/bin/env", ["zip", "-q", "-P", password, "out.zip"] + files.keys.sorted(), in: dir)
            return try Data(contentsOf: dir.appendingPathComponent("out.zip"))
        }
    }

    private static func run(_ tool: String, _ arguments: [String], in dir: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw ToolFailed(description: "\(arguments.first ?? tool) failed: \(text)")
        }
    }

    private static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zipkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }
}
