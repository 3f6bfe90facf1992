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

    /// `Once`, which makes the units' reports durable for whichever job
    /// names a file first: the work runs once however many jobs ask, every
    /// job returns only after it is done, and a failure reaches them all.
    func testOnceRunsItsWorkOnceAndEveryCallerSeesItDone() {
        let runs = Mutex(0)
        let once = Once {
            usleep(20_000)  // long enough for the other jobs to ask meanwhile
            runs.withLock { $0 += 1 }
        }
        let seen = Parallel.map(8) { _ -> Int in
            try once.ensure()
            return runs.withLock { $0 }
        }
        XCTAssertEqual(runs.withLock { $0 }, 1)
        XCTAssertEqual(try seen.map { try $0.get() }, Array(repeating: 1, count: 8))

        let tries = Mutex(0)
        let failing = Once {
            tries.withLock { $0 += 1 }
            throw Odd(n: 7)
        }
        for outcome in Parallel.map(4, { _ in try failing.ensure() }) {
            XCTAssertThrowsError(try outcome.get()) { XCTAssertEqual($0 as? Odd, Odd(n: 7)) }
        }
        XCTAssertEqual(tries.withLock { $0 }, 1)
    }
}
