import Consolidation
import XCTest

/// The reviews' years and file names, which the outbox layout depends on.
final class ReviewKindTests: XCTestCase {
    func testYearsAndNames() {
        XCTAssertEqual(ReviewKind.midterm.year, 2028)
        XCTAssertEqual(ReviewKind.final.year, 2030)
        XCTAssertEqual(ReviewKind.midterm.baseName, "midterm-review-2028")
        XCTAssertEqual(ReviewKind.final.baseName, "final-review-2030")
        XCTAssertEqual(ReviewKind.midterm.vietnameseName, "sơ kết")
        XCTAssertEqual(ReviewKind.final.vietnameseName, "tổng kết")
    }
}
