import Foundation
import SystemKit
import Synchronization
import XCTest

/// `Parallel.map`, which the merge reads the kept reports with: every
/// piece runs once, outcomes come back in index order whatever order the
/// pieces finish in, and a failure stays with its own index.
final class ParallelTests: XCTestCase {
    struct Odd: Error, Equatable { var n: Int }

    func testOutcomesInIndexOrderEachPieceOnceFailuresAtTheirIndex() {
        let runs = Mutex<[Int]>([])
        let outcomes = Parallel.map(9) { n -> Int in
            // Later pieces finish first.
            usleep(useconds_t((9 - n) * 2_000))
            runs.withLock { $0.append(n) }
            if n % 2 == 1 { throw Odd(n: n) }
            return n * 10
        }
        XCTAssertEqual(runs.withLock { $0.sorted() }, Array(0..<9))
        XCTAssertEqual(outcomes.count, 9)
        for (n, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let value):
                XCTAssertEqual(value, n * 10)
                XCTAssertEqual(n % 2, 0)
            case .failure(let error):
                XCTAssertEqual(error as? Odd, Odd(n: n))
            }
        }
    }

    func testNoPiecesAndOnePiece() {
        XCTAssertTrue(Parallel.map(0) { $0 }.isEmpty)
        XCTAssertEqual(try Parallel.map(1) { $0 + 41 }.first?.get(), 41)
    }
}
