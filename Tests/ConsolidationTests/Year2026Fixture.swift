import Foundation
import ReportModel
import Store

/// One year (2026) of a store, as the secretariat would have it on 1 Dec:
///
/// | unit     | what                                                                 |
/// |----------|----------------------------------------------------------------------|
/// | KTXHS    | on time; 1.2 only, events.count 3, 100 000 000 state budget            |
/// | HTQT     | nothing                                                              |
/// | CDSQG    | a refused draft, then on time: 2.1.1 behind schedule 60 %, 20 000 000 other |
/// | CVT      | two reports, no supersedes: a (11-08) zones 50, 999 000 000 state; b (11-13) zones 62,5, 75 000 000 sponsorship |
/// | CTS      | coordinating on 2.2.1 (11-11): zones 70                              |
/// | CDMST    | nothing                                                              |
/// | VCNS     | late (11-20): 2.1.2 on schedule 70 %, 2.3.4                           |
/// | TTCNTT   | nothing                                                              |
/// | VTF      | on time: 2.2.2 completed, 500 000 000 state                          |
/// | NAFOSTED | nothing                                                              |
/// | NATIF    | one refused file only                                                |
/// | HVCL     | A (11-05): trainees 999, courses 9, 777 000 000 state; B supersedes A (11-12): trainees 100, courses 4, x-doanhnghiep.thamgia 143, 1 250 000 000 state + 200 000 000 sponsorship |
/// | PTIT     | coordinating on 2.3.9 (11-14): trainees 40, 30 000 000 other          |
/// | ad hoc   | HVCL YC-2026-07-HVCL trainees 5000; CVT YC-2026-09-CVT zones 55      |
enum Year2026 {
    static let ktxhs = "KTXHS-2026"
    static let cdsqg = "CDSQG-2026"
    static let cvtA = "CVT-2026-a"
    static let cvtB = "CVT-2026-b"
    static let cts = "CTS-2026"
    static let vcns = "VCNS-2026"
    static let vtf = "VTF-2026"
    static let hvclA = "HVCL-2026-A"
    static let hvclB = "HVCL-2026-B"
    static let ptit = "PTIT-2026"
    static let adhocHVCL = "YC-2026-07-HVCL"
    static let adhocCVT = "YC-2026-09-CVT"

    static let schemaError = Diagnostic(.schemaInvalid, at: SourceLocation(file: "report.xml", line: 12, column: 5),
                                        message: "Phần tử 'task' thiếu thuộc tính bắt buộc 'status'.",
                                        english: "Element 'task': the attribute 'status' is required but missing.")
    static let planError = Diagnostic(.planMismatch, at: SourceLocation(file: "report.xml", line: 3),
                                      message: "Mã kế hoạch 'KH-999' không đúng; phải là 'KH-433'.",
                                      english: "Plan 'KH-999' is not 'KH-433'.")

    static func store() -> FixtureStore {
        let s = FixtureStore()
        s.accept("KTXHS", year: 2026, id: ktxhs, received: "2026-11-12T10:00:00+07:00", tasks: [
            task("1.2", .onSchedule, 75, indicators: [indicator("events.count", 3)], funding: [money(.stateBudget, 100_000_000)]),
        ])
        s.reject("CDSQG", year: 2026, file: "CDSQG-2026-draft.zip", id: "CDSQG-2026-draft",
                 received: "2026-11-01T09:00:00+07:00", diagnostics: [schemaError])
        s.accept("CDSQG", year: 2026, id: cdsqg, received: "2026-11-10T08:00:00+07:00", tasks: [
            task("2.1.1", .behindSchedule, 60, funding: [money(.other, 20_000_000)]),
        ])
        s.accept("CVT", year: 2026, id: cvtA, received: "2026-11-08T09:00:00+07:00", tasks: [
            task("2.2.1", .onSchedule, 50, indicators: [indicator("zones5g.pct", 50)], funding: [money(.stateBudget, 999_000_000)]),
        ])
        s.accept("CTS", year: 2026, id: cts, received: "2026-11-11T10:00:00+07:00", tasks: [
            task("2.2.1", .onSchedule, 50, role: .coordinating, indicators: [indicator("zones5g.pct", 70)]),
        ])
        s.accept("CVT", year: 2026, id: cvtB, received: "2026-11-13T15:00:00+07:00", tasks: [
            task("2.2.1", .onSchedule, 65, indicators: [indicator("zones5g.pct", Decimal(string: "62.5")!)],
                 funding: [money(.sponsorship, 75_000_000)]),
        ])
        s.accept("VCNS", year: 2026, id: vcns, received: "2026-11-20T09:00:00+07:00", tasks: [
            task("2.1.2", .onSchedule, 70),
            task("2.3.4", .onSchedule, 40),
        ])
        s.accept("VTF", year: 2026, id: vtf, received: "2026-11-05T08:00:00+07:00", tasks: [
            task("2.2.2", .completed, 100, funding: [money(.stateBudget, 500_000_000)]),
        ])
        s.reject("NATIF", year: 2026, file: "NATIF-2026.zip", id: "NATIF-2026", received: "2026-11-14T16:02:11+07:00",
                 diagnostics: [schemaError, planError])
        s.accept("HVCL", year: 2026, id: hvclA, received: "2026-11-05T08:00:00+07:00", tasks: [
            task("2.3.8", .onSchedule, 50, indicators: [indicator("trainees.count", 999), indicator("courses.count", 9)],
                 funding: [money(.stateBudget, 777_000_000)]),
            task("2.3.9", .notStarted, 0),
        ])
        s.accept("HVCL", year: 2026, kind: .adhoc, id: adhocHVCL, received: "2026-07-20T10:00:00+07:00", tasks: [
            task("2.3.8", .onSchedule, 30, indicators: [indicator("trainees.count", 5000)], funding: [money(.stateBudget, 3_000_000)]),
        ])
        s.accept("HVCL", year: 2026, id: hvclB, supersedes: hvclA, received: "2026-11-12T08:00:00+07:00", tasks: [
            task("2.3.8", .onSchedule, 80,
                 indicators: [indicator("trainees.count", 100), indicator("courses.count", 4),
                              indicator("x-doanhnghiep.thamgia", 143, name: "Số doanh nghiệp có học viên tham gia", measure: "doanh nghiệp")],
                 funding: [money(.stateBudget, 1_250_000_000), money(.sponsorship, 200_000_000)]),
            task("2.3.9", .onSchedule, 50),
        ])
        s.accept("CVT", year: 2026, kind: .adhoc, id: adhocCVT, received: "2026-09-10T10:00:00+07:00", tasks: [
            task("2.2.1", .onSchedule, 55, indicators: [indicator("zones5g.pct", 55)]),
        ])
        s.accept("PTIT", year: 2026, id: ptit, received: "2026-11-14T10:00:00+07:00", tasks: [
            task("2.3.9", .onSchedule, 60, role: .coordinating, indicators: [indicator("trainees.count", 40)],
                 funding: [money(.other, 30_000_000)]),
        ])
        return s
    }
}
