import Foundation
import Intake
import ReportModel
import XMLKit
import ZipKit

/// The fuzz target of `check`'s path: any bytes, as an inbox file, through
/// the bundle reader, the XML reader, the schema, the report reader and the
/// plan rules. Built with `-sanitize=fuzzer,address -D FUZZING` (`make
/// fuzz`), libFuzzer drives it; built plainly, it replays files given on
/// the command line (the corpus, past crashes) through the same path.
enum FuzzCheck {
    static let checker = makeChecker(standsInForNarratives: true)
    /// The same checks, every report parsed as sent (no narrative stand-ins).
    static let plainChecker = makeChecker(standsInForNarratives: false)

    private static func makeChecker(standsInForNarratives: Bool) -> SubmissionChecker {
        do {
            return SubmissionChecker(resources: try IntakeResources.load(), keyring: Keyring(keys: [:]),
                                     limits: BundleLimits(maxEntries: 64, maxTotalUncompressed: 4 << 20, maxRatio: 100),
                                     standsInForNarratives: standsInForNarratives)
        } catch {
            fatalError("cannot load the shipped plan and schemas: \(error)")
        }
    }

    /// One input through every check; the verdict must always be a receipt.
    static func run(_ bytes: Data) {
        let file = IncomingFile(name: "fuzz.xml", bytes: bytes, received: Date(timeIntervalSince1970: 1_794_279_600))
        let verdict = checker.check(file, history: NoHistory())
        precondition(verdict.outcome != .duplicate, "nothing was accepted before")
        precondition(verdict.outcome == .accepted || verdict.receipt.diagnostics.hasErrors, "a rejection names its error")
        // Narratives parsed as stand-ins change no receipt.
        precondition(plainChecker.check(file, history: NoHistory()).receipt == verdict.receipt, "a narrative stand-in changed the receipt")
        // The two-step schema check says what the whole schema says.
        if let document = try? XMLTree.parse([UInt8](bytes)) {
            let root = document.root
            precondition(schema.validate(document, root: root) == schema.validateWhole(document), "the two-step schema check differs")
        }
        // A stored entry read in place is what libzip reads, or libzip's own error.
        if let archive = try? ZipReader(data: bytes) {
            for entry in archive.entries {
                archive.readsStoredEntriesInPlace = true
                let inPlace = read(entry, of: archive)
                archive.readsStoredEntriesInPlace = false
                precondition(inPlace == read(entry, of: archive), "a stored entry read in place differs from libzip's")
            }
        }
    }

    /// An entry's bytes, or the kind of error reading them ended with.
    private static func read(_ entry: ZipEntry, of archive: ZipReader) -> (bytes: Data?, failure: ZipError.Kind?) {
        do {
            return (try archive.readData(entry, maxBytes: 4 << 20, maxRatio: 100), nil)
        } catch let error as ZipError {
            return (nil, error.kind)
        } catch {
            return (nil, .internal)
        }
    }

    static let schema: ReportSchema = {
        do {
            return try IntakeResources.load().reportSchema
        } catch {
            fatalError("cannot load the shipped plan and schemas: \(error)")
        }
    }()
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzCheck.run(Data(bytes: data, count: size))
    return 0
}

/// libFuzzer's driver, called from the entry point SwiftPM gives an
/// executable (it renames `main` to `FuzzCheck_main` on Linux).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzCheck_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzTestOneInput(data, size) }
}
#else
@main
enum Replay {
    /// `FuzzCheck FILE…`: every file (or every file in a folder) through the checks.
    static func main() {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            let url = URL(fileURLWithPath: argument)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted().map { url.appendingPathComponent($0) } ?? [url]
            for file in files {
                guard let bytes = FileManager.default.contents(atPath: file.path) else { continue }
                FuzzCheck.run(bytes)
                count += 1
            }
        }
        print("FuzzCheck: \(count) inputs checked, none crashed")
    }
}
#endif
