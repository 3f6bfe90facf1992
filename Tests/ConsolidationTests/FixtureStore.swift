import Consolidation
import Foundation
import Intake
import ReportModel
import SystemKit
import Store

/// The plan the deployment ships (KH-433), loaded once.
enum ShippedPlan {
    static let plan: Plan = {
        do {
            return try IntakeResources.load().plan
        } catch {
            fatalError("cannot load the shipped plan: \(error)")
        }
    }()
}

/// An in-memory store: ledger records and the reports kept for accepted
/// submissions, by SHA-256. Everything a `YearMerge` reads, without a disk.
final class FixtureStore {
    let plan: Plan
    private(set) var records: [LedgerRecord] = []
    private(set) var reports: [String: Report] = [:]
    private(set) var plans: [String: DetailedPlan] = [:]

    init(plan: Plan = ShippedPlan.plan) {
        self.plan = plan
    }

    /// Seconds since 1970 of an ISO 8601 instant (`2026-11-10T08:00:00+07:00`).
    static func epoch(_ iso: String) -> Int {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: iso) else { fatalError("bad instant \(iso)") }
        return Int(date.timeIntervalSince1970)
    }

    /// The bundle's SHA-256 for a submission: stands for the bytes received.
    static func sha256(of id: String) -> String { SHA256Hex.of(Data("bundle:\(id)".utf8)) }

    /// Whether a report of `year` received at `received` is late: after the
    /// plan's 15 Nov 23:59:59 +07:00 deadline, as intake decides it.
    func isLate(year: Int, kind: ReportKind, received: String) -> Bool {
        kind == .annual && Double(Self.epoch(received)) > plan.calendar.unitReportDeadline(year: year).timeIntervalSince1970
    }

    /// Records an accepted submission and keeps its report.
    @discardableResult
    func accept(_ unit: String, year: Int, kind: ReportKind = .annual, id: String, supersedes: String? = nil,
                received: String, tasks: [TaskReport]) -> LedgerRecord {
        let sha = Self.sha256(of: id)
        let report = Report(id: id, plan: plan.id, unit: unit, year: year, kind: kind, supersedes: supersedes,
                            preparer: Preparer(name: "Nguyễn Văn A"), tasks: tasks)
        let late = isLate(year: year, kind: kind, received: received)
        let receipt = Receipt(file: "\(id).zip", sha256: sha, outcome: .accepted, unit: unit, year: year, kind: kind, id: id,
                              received: received, late: late, supersedes: supersedes,
                              diagnostics: late ? [Diagnostic(.late, message: "Muộn", english: "Late")] : [])
        let record = LedgerRecord(sequence: records.count + 1, receipt: receipt, receivedEpoch: Self.epoch(received),
                                  // The tasks the report marks completed as their lead: a coordinating
                                  // unit's "completed" is its own share, not the task's (see DocumentTests'
                                  // ingest test for what `baocao ingest` records).
                                  completedTasks: tasks.filter { $0.status == .completed && $0.role == .lead }.map(\.code),
                                  kept: "originals/\(sha.prefix(2))/\(sha)")
        records.append(record)
        reports[sha] = report
        return record
    }

    /// Records an accepted detailed plan (kind `plan`) with one milestone per
    /// task in December of its year, and keeps it.
    @discardableResult
    func acceptPlan(_ unit: String, year: Int, id: String, received: String, tasks: [String]) -> LedgerRecord {
        let sha = Self.sha256(of: id)
        let detailed = DetailedPlan(id: id, plan: plan.id, unit: unit, year: year, preparer: Preparer(name: "Nguyễn Văn A"),
                                    tasks: tasks.map { PlannedTask(code: $0, responsible: "Người phụ trách \($0)",
                                                                   milestones: [Milestone(month: YearMonth(year: year, month: 12), text: "Hoàn thành")]) })
        let receipt = Receipt(file: "\(id).xml", sha256: sha, outcome: .accepted, unit: unit, year: year, kind: .plan, id: id,
                              received: received, late: false, supersedes: nil, diagnostics: [])
        let record = LedgerRecord(sequence: records.count + 1, receipt: receipt, receivedEpoch: Self.epoch(received),
                                  completedTasks: [], kept: "originals/\(sha.prefix(2))/\(sha)")
        records.append(record)
        plans[sha] = detailed
        return record
    }

    /// Records a refused file with its diagnostics.
    @discardableResult
    func reject(_ unit: String, year: Int, file: String, id: String, received: String, diagnostics: [Diagnostic]) -> LedgerRecord {
        let sha = Self.sha256(of: "rejected:" + file)
        let receipt = Receipt(file: file, sha256: sha, outcome: .rejected, unit: unit, year: year, kind: .annual, id: id,
                              received: received, late: false, supersedes: nil, diagnostics: diagnostics)
        let record = LedgerRecord(sequence: records.count + 1, receipt: receipt, receivedEpoch: Self.epoch(received),
                                  completedTasks: [], kept: "quarantine/\(sha)/\(file)")
        records.append(record)
        return record
    }

    var index: LedgerIndex { LedgerIndex(records: records) }

    var yearMerge: YearMerge {
        YearMerge(plan: plan, index: index, reports: MadeReports(reports: reports, plans: plans))
    }

    func merge(year: Int, asOf: CalendarDate, kind: ReportKind = .annual,
               including: (LedgerRecord) -> Bool = { _ in true }) throws -> YearConsolidation {
        try yearMerge.merge(year: year, asOf: asOf, kind: kind, including: including)
    }

    func review(_ kind: ReviewKind, asOf: CalendarDate) throws -> MultiYearReview {
        try ReviewMerge(yearMerge: yearMerge).merge(kind, asOf: asOf)
    }
}

struct MissingReport: Error {
    var sha256: String
}

/// Reports made by the test, by SHA-256: the source a fixture store reads.
struct MadeReports: ReportSource {
    var reports: [String: Report]
    var plans: [String: DetailedPlan] = [:]

    func report(for record: LedgerRecord) throws -> Report {
        guard let report = reports[record.receipt.sha256] else { throw MissingReport(sha256: record.receipt.sha256) }
        return report
    }

    func plan(for record: LedgerRecord) throws -> DetailedPlan {
        guard let plan = plans[record.receipt.sha256] else { throw MissingReport(sha256: record.receipt.sha256) }
        return plan
    }
}

/// Shorthands for building reports.
func task(_ code: String, _ status: TaskStatus, _ progress: Int, role: TaskRole = .lead,
          indicators: [IndicatorValue] = [], funding: [Funding] = [], results: [MonthlyResult] = [],
          products: [Product] = [], difficulties: [String] = [], proposals: [String] = []) -> TaskReport {
    TaskReport(code: code, status: status, progress: progress, role: role, responsible: "Người phụ trách \(code)",
               results: results, indicators: indicators, products: products, difficulties: difficulties.map { Difficulty($0) },
               proposals: proposals.map { Proposal($0) }, funding: funding)
}

func indicator(_ code: String, _ actual: Decimal, name: String? = nil, measure: String? = nil) -> IndicatorValue {
    IndicatorValue(code: code, actual: actual, name: name, measure: measure)
}

func money(_ source: FundingSource, _ amount: Int64) -> Funding { Funding(source: source, amount: amount) }

func day(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { fatalError("bad date \(iso)") }
    return date
}

extension YearConsolidation {
    func task(_ code: String) -> TaskOutcome? { tasks.first { $0.code == code } }
    func indicator(_ code: String) -> IndicatorOutcome? { indicators.first { $0.code == code } }
    func reporting(_ unit: String) -> ReportingEntry? { reporting.first { $0.unit == unit } }
}
