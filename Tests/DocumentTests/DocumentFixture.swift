import Consolidation
import Foundation
import Pipeline
import ReportModel
import Store

/// The store the document tests consolidate: 2026 and 2028 on disk, nothing in 2027.
///
/// 2026: KTXHS on time (1.2 events 3, 1.4; 100 000 000 state); CDSQG on time
/// (2.1.1 behind schedule, 20 000 000 other); CVT on time (2.2.1 zones 62,5,
/// 75 000 000 sponsorship); VCNS late (2.1.2, 2.3.4); VTF on time (2.2.2
/// completed, 500 000 000 state); HVCL A then B superseding it (B: trainees
/// 100, courses 4, x-doanhnghiep.thamgia 143, 1 250 000 000 state, 200 000 000
/// sponsorship; A: trainees 999, 777 000 000 state); PTIT coordinating 2.3.9
/// (trainees 40, 30 000 000 other); NATIF one refused file; HVCL ad hoc
/// YC-2026-07-HVCL (trainees 5000). Missing: HTQT, CDMST, TTCNTT, NAFOSTED, NATIF.
///
/// 2028: HVCL late (trainees 60, 2 000 000 000 state); CVT on time (zones 80).
enum DocumentFixture {
    static let plan = ShippedPlan.plan

    static func report(_ unit: String, _ year: Int, id: String, kind: ReportKind = .annual, supersedes: String? = nil,
                       _ tasks: [TaskReport]) -> Report {
        Report(id: id, plan: plan.id, unit: unit, year: year, kind: kind, submitted: nil, supersedes: supersedes,
               preparer: Preparer(name: "Nguyễn Thị Thu Hà"), tasks: tasks)
    }

    static func task(_ code: String, _ status: TaskStatus, _ progress: Int, role: TaskRole = .lead,
                     indicators: [IndicatorValue] = [], funding: [Funding] = [], year: Int = 2026,
                     words: Bool = true) -> TaskReport {
        TaskReport(code: code, status: status, progress: progress, role: role,
                   responsible: "Ông Trần Văn Minh, phụ trách nhiệm vụ \(code)",
                   results: words ? [MonthlyResult(month: YearMonth(year: year, month: 6), text: "Kết quả tháng 6 của nhiệm vụ \(code) & các đơn vị <phối hợp>."),
                                     MonthlyResult(month: YearMonth(year: year, month: 9), text: "Kết quả tháng 9 của nhiệm vụ \(code).")] : [],
                   indicators: indicators,
                   products: words ? [Product(date: CalendarDate(year: year, month: 9, day: 30), text: "Sản phẩm của nhiệm vụ \(code).")] : [],
                   difficulties: words ? [Difficulty("Khó khăn khi thực hiện nhiệm vụ \(code).", kind: .funding)] : [],
                   proposals: words ? [Proposal("Đề xuất cho nhiệm vụ \(code).", to: code == "2.3.8" ? .government : .ministry)] : [],
                   funding: funding)
    }

    static func value(_ code: String, _ actual: Decimal, target: Decimal? = nil, name: String? = nil, measure: String? = nil) -> IndicatorValue {
        IndicatorValue(code: code, actual: actual, target: target, name: name, measure: measure)
    }

    static let rejection = Diagnostic(.schemaInvalid, at: SourceLocation(file: "report.xml", line: 12, column: 5),
                                      message: "Phần tử 'task' thiếu thuộc tính bắt buộc 'status'.",
                                      english: "Element 'task': the attribute 'status' is required but missing.")

    /// A fresh store under the temporary folder, filled as above.
    static func make(_ label: String) throws -> DiskStore {
        let disk = try DiskStore(label)
        try disk.accept(report("KTXHS", 2026, id: "KTXHS-2026", [
            task("1.2", .onSchedule, 75, indicators: [value("events.count", 3)], funding: [Funding(source: .stateBudget, amount: 100_000_000)]),
            task("1.4", .onSchedule, 60),
        ]), received: "2026-11-12T10:00:00+07:00")
        try disk.accept(report("CDSQG", 2026, id: "CDSQG-2026", [
            task("2.1.1", .behindSchedule, 60, funding: [Funding(source: .other, amount: 20_000_000)]),
        ]), received: "2026-11-10T08:00:00+07:00")
        try disk.accept(report("CVT", 2026, id: "CVT-2026", [
            task("2.2.1", .onSchedule, 65, indicators: [value("zones5g.pct", Decimal(string: "62.5")!)],
                 funding: [Funding(source: .sponsorship, amount: 75_000_000)]),
        ]), received: "2026-11-13T15:00:00+07:00")
        try disk.accept(report("VCNS", 2026, id: "VCNS-2026", [
            task("2.1.2", .onSchedule, 70),
            task("2.3.4", .onSchedule, 40),
        ]), received: "2026-11-20T09:00:00+07:00")
        try disk.accept(report("VTF", 2026, id: "VTF-2026", [
            task("2.2.2", .completed, 100, funding: [Funding(source: .stateBudget, amount: 500_000_000)]),
        ]), received: "2026-11-05T08:00:00+07:00")
        try disk.accept(report("HVCL", 2026, id: "HVCL-2026-A", [
            task("2.3.8", .onSchedule, 50, indicators: [value("trainees.count", 999)], funding: [Funding(source: .stateBudget, amount: 777_000_000)]),
            task("2.3.9", .notStarted, 0),
        ]), received: "2026-11-05T08:00:00+07:00")
        try disk.accept(report("HVCL", 2026, id: "YC-2026-07-HVCL", kind: .adhoc, [
            task("2.3.8", .onSchedule, 30, indicators: [value("trainees.count", 5000)]),
        ]), received: "2026-07-20T10:00:00+07:00")
        try disk.accept(report("HVCL", 2026, id: "HVCL-2026-B", supersedes: "HVCL-2026-A", [
            task("2.3.8", .onSchedule, 80,
                 indicators: [value("courses.count", 4, target: 5), value("trainees.count", 100),
                              value("x-doanhnghiep.thamgia", 143, name: "Số doanh nghiệp có học viên tham gia", measure: "doanh nghiệp")],
                 funding: [Funding(source: .stateBudget, amount: 1_250_000_000), Funding(source: .sponsorship, amount: 200_000_000)]),
            task("2.3.9", .onSchedule, 50),
        ]), received: "2026-11-12T08:00:00+07:00")
        try disk.accept(report("PTIT", 2026, id: "PTIT-2026", [
            task("2.3.9", .onSchedule, 60, role: .coordinating, indicators: [value("trainees.count", 40)],
                 funding: [Funding(source: .other, amount: 30_000_000)]),
        ]), received: "2026-11-14T10:00:00+07:00")
        try disk.reject(file: "NATIF-2026.zip", unit: "NATIF", year: 2026, received: "2026-11-14T16:02:11+07:00",
                        diagnostics: [rejection])
        try disk.accept(report("HVCL", 2028, id: "HVCL-2028", [
            task("2.3.8", .onSchedule, 90, indicators: [value("trainees.count", 60)], funding: [Funding(source: .stateBudget, amount: 2_000_000_000)],
                 year: 2028),
            task("2.3.9", .onSchedule, 70, year: 2028),
        ]), received: "2028-11-20T10:00:00+07:00")
        try disk.accept(report("CVT", 2028, id: "CVT-2028", [
            task("2.2.1", .onSchedule, 80, indicators: [value("zones5g.pct", 80)], year: 2028),
        ]), received: "2028-11-14T08:00:00+07:00")
        return disk
    }

    /// Every command that writes documents, as the secretariat runs them.
    static func runAll(_ disk: DiskStore, store: SubmissionStore) throws {
        let publisher = Publisher(resources: ShippedPlan.resources, store: store, outbox: disk.outbox)
        _ = try publisher.yearDocuments(year: 2026, asOf: CalendarDate(year: 2026, month: 12, day: 1))
        _ = try publisher.adhocDocument(year: 2026, request: "YC-2026-07", subject: "Tình hình đào tạo nhân lực chuyển đổi số", asOf: CalendarDate(year: 2026, month: 12, day: 1))
        _ = try publisher.review(.midterm, asOf: CalendarDate(year: 2028, month: 12, day: 1))
        _ = try publisher.review(.final, asOf: CalendarDate(year: 2030, month: 12, day: 1))
        _ = try publisher.reminders(year: 2026, asOf: CalendarDate(year: 2026, month: 12, day: 1))
    }
}

/// Every file under a folder, by path relative to it, sorted.
func files(under folder: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    var found: [String] = []
    for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        found.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
    }
    return found.sorted()
}
