import Foundation
import SystemKit
import XCTest

/// The two-lane pass gives exactly SHA256Hex's (Crypto's) SHA-256, for the whole buffer
/// and for every part, whatever the lengths, overlaps and order.
final class TwoLaneSHA256Tests: XCTestCase {
    func testEveryDigestIsSHA256Hexs() {
        var generator = SystemRandomNumberGenerator()
        // Lengths about the padding's edges (55, 56, 63, 64, 119, 120) and past a few blocks.
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 4096, 70_001] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.withUnsafeBytes { whole in
                var parts: [Range<Int>] = [0..<length, 0..<0, length..<length]
                for _ in 0..<6 {
                    let a = Int.random(in: 0...length), b = Int.random(in: 0...length)
                    parts.append(min(a, b)..<max(a, b))  // overlapping, out of order, some empty
                }
                let (digest, partDigests) = TwoLaneSHA256.digests(of: whole, parts: parts)
                XCTAssertEqual(digest, SHA256Hex.of(whole), "length \(length)")
                XCTAssertEqual(partDigests, parts.map { SHA256Hex.of(UnsafeRawBufferPointer(rebasing: whole[$0])) }, "length \(length)")
            }
        }
    }

    func testKnownVectors() {
        let abc = Data("abc".utf8).withUnsafeBytes { TwoLaneSHA256.digests(of: $0, parts: [0..<1]) }
        XCTAssertEqual(abc.whole, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(abc.parts, ["ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"])  // "a"
    }
}
