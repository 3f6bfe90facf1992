import Foundation
import Intake
import ReportModel
import XMLKit

/// One generated report: a unit coordinating some of the plan's open tasks,
/// 20–60 KB of Vietnamese text using every element kind.
struct ReportBuilder {
    /// How a generated report goes wrong, a few percent of the time.
    enum Flaw: CaseIterable {
        case progressOutOfRange   // SCHEMA_INVALID
        case truncated            // XML_MALFORMED
        case statusDisagrees      // STATUS_INCONSISTENT (schema-valid)
        case monthOutOfYear       // MONTH_OUT_OF_YEAR (schema-valid)
    }

    let plan: Plan
    let openTasks: [PlanTask]

    func xml(unit: String, year: Int, rng: inout SplitMix64, attachments: [String], flaw: Flaw?) throws -> Data {
        let w = try XMLWriter()
        try w.startDocument()
        try w.startElement("report", namespace: ReportTemplate.namespace)
        try w.attribute("id", value: "\(unit)-\(year)-annual")
        try w.attribute("plan", value: plan.id)
        try w.attribute("unit", value: unit)
        try w.attribute("year", value: String(year))
        try w.attribute("kind", value: "annual")
        try w.attribute("submitted", value: String(format: "%04d-11-%02d", year, rng.int(1...14)))
        try w.text("\n")
        try w.startElement("preparer")
        try w.attribute("name", value: rng.pick(Phrases.names))
        try w.attribute("position", value: "Chuyên viên")
        try w.attribute("email", value: "\(unit.lowercased())@example.gov.vn")
        try w.endElement()
        let count = rng.int(4...min(12, openTasks.count))
        var pool = openTasks
        var attachmentsLeft = attachments
        for n in 0..<count {
            let task = pool.remove(at: rng.int(0...pool.count - 1))
            var status = rng.pick(TaskStatus.allCases)
            var progress = status == .completed ? 100 : status == .notStarted ? 0 : rng.int(5...95)
            if n == 0, let flaw {
                switch flaw {
                case .progressOutOfRange: progress = 101
                case .statusDisagrees: status = .completed; progress = 90
                default: break
                }
            }
            try w.text("\n")
            try w.startElement("task")
            try w.attribute("code", value: task.code)
            try w.attribute("status", value: status.rawValue)
            try w.attribute("progress", value: String(progress))
            try w.attribute("role", value: "coordinating")
            try element(w, "responsible", rng.pick(Phrases.names))
            for _ in 0..<rng.int(8...24) {
                let month = n == 0 && flaw == .monthOutOfYear ? "\(year - 1)-12" : String(format: "%04d-%02d", year, rng.int(1...11))
                try element(w, "result", rng.pick(Phrases.results) + ". " + rng.pick(Phrases.results) + ".", ["month": month])
            }
            for indicator in plan.indicators.prefix(rng.int(0...2)) {
                try w.text("\n  ")
                try w.startElement("indicator")
                try w.attribute("code", value: indicator.code)
                try w.attribute("actual", value: String(rng.int(0...500)))
                try w.endElement()
            }
            for _ in 0..<rng.int(1...2) {
                var attributes = ["date": String(format: "%04d-%02d-%02d", year, rng.int(1...11), rng.int(1...28))]
                if !attachmentsLeft.isEmpty { attributes["file"] = attachmentsLeft.removeFirst() }
                try element(w, "product", rng.pick(Phrases.products), attributes)
            }
            try element(w, "difficulty", rng.pick(Phrases.difficulties))
            try element(w, "proposal", rng.pick(Phrases.proposals))
            try w.text("\n  ")
            try w.startElement("funding")
            try w.attribute("source", value: rng.pick(FundingSource.allCases).rawValue)
            try w.attribute("amount", value: String(rng.int(1...900) * 1_000_000))
            try w.endElement()
            try w.endElement()
        }
        try w.text("\n")
        try w.endElement()
        var data = try w.finish()
        if flaw == .truncated { data = data.prefix(data.count / 2) }
        return data
    }

    private func element(_ w: XMLWriter, _ name: String, _ text: String, _ attributes: [String: String] = [:]) throws {
        try w.text("\n  ")
        try w.startElement(name)
        for key in attributes.keys.sorted() { try w.attribute(key, value: attributes[key]!) }
        try w.text(text)
        try w.endElement()
    }
}
