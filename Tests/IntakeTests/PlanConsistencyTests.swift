import Foundation
import Intake
import XCTest

/// A plan file the schema accepts but that contradicts itself is refused at
/// start-up with every problem named, never a crash later on.
final class PlanConsistencyTests: XCTestCase {
    private func load(_ edit: (String) -> String) throws -> ResourceError? {
        let shipped = try String(contentsOf: IntakeResources.planURL(), encoding: .utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).xml")
        try edit(shipped).write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try IntakeResources.load(planFile: url)
            return nil
        } catch {
            return error
        }
    }

    func testYearsOutOfOrderAreRefused() throws {
        let error = try XCTUnwrap(load { $0.replacingOccurrences(of: "firstYear=\"2026\"", with: "firstYear=\"2031\"") })
        XCTAssertEqual(error.problems, ["firstYear 2031 is after lastYear 2030"])
    }

    func testOneOffWithoutDeadlineAndScheduleOutsideThePlanAreRefused() throws {
        let error = try XCTUnwrap(load {
            $0.replacingOccurrences(of: "kind=\"one-off\" from=\"2026\" to=\"2026\" deadline=\"2026-12\"",
                                    with: "kind=\"one-off\" from=\"2026\" to=\"2032\"")
        })
        XCTAssertTrue(error.problems.contains("task 1.4: a one-off task needs a deadline"), "\(error.problems)")
        XCTAssertTrue(error.problems.contains("task 1.4: schedule 2026–2032 is not within the plan's years"), "\(error.problems)")
    }

    func testTheShippedPlanIsConsistent() throws {
        XCTAssertNil(try load { $0 })
    }
}
