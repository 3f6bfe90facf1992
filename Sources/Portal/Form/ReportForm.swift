import Consolidation
import Foundation
import Intake
import Rendering
import ReportModel

/// The report form, both ways: the posted fields into a draft (every
/// field's name is its id: `t0-status`, `t0-r1-month`, …), and a draft with
/// its problems into the values the `report-form` template shows.
enum ReportForm {
    /// What the clerk asked for with the button pressed.
    enum Action: Equatable {
        case save, check, send, preview
        case addRow(task: Int, list: Character)
        case removeRow(task: Int, list: Character, row: Int)
        case addTask
        case removeTask(Int)

        /// `save`, `check`, `send`, `preview`, `add:0:r`, `remove:0:r:2`, `add-task`, `remove-task:1`.
        init(_ text: String?) {
            let parts = (text ?? "save").split(separator: ":").map(String.init)
            switch parts.first {
            case "check": self = .check
            case "send": self = .send
            case "preview": self = .preview
            case "add-task": self = .addTask
            case "remove-task" where parts.count == 2: self = Int(parts[1]).map(Action.removeTask) ?? .save
            case "add" where parts.count == 3:
                guard let task = Int(parts[1]), let list = parts[2].first else { self = .save; return }
                self = .addRow(task: task, list: list)
            case "remove" where parts.count == 4:
                guard let task = Int(parts[1]), let list = parts[2].first, let row = Int(parts[3]) else { self = .save; return }
                self = .removeRow(task: task, list: list, row: row)
            default: self = .save
            }
        }
    }

    /// The stored draft with what the form posted written over it. Lists
    /// keep the length the page had (`t0-r-count`); text is kept as typed (NFC).
    static func apply(_ fields: [String: String], to stored: ReportDraft) -> ReportDraft {
        var draft = stored
        func value(_ key: String) -> String? { fields[key].map { $0.precomposedStringWithCanonicalMapping } }
        func count(_ key: String, _ current: Int) -> Int { value(key).flatMap { Int($0) }.map { min(max($0, 0), 200) } ?? current }
        draft.preparer.name = value("preparer-name") ?? draft.preparer.name
        draft.preparer.position = value("preparer-position") ?? draft.preparer.position
        draft.preparer.email = value("preparer-email") ?? draft.preparer.email
        draft.preparer.phone = value("preparer-phone") ?? draft.preparer.phone
        for t in draft.tasks.indices {
            let id = "t\(t)"
            var task = draft.tasks[t]
            task.status = value("\(id)-status") ?? task.status
            task.progress = value("\(id)-progress") ?? task.progress
            task.responsible = value("\(id)-responsible") ?? task.responsible
            task.results = (0..<count("\(id)-r-count", task.results.count)).map { r in
                let old = r < task.results.count ? task.results[r] : MonthText()
                return MonthText(month: value("\(id)-r\(r)-month") ?? old.month, text: value("\(id)-r\(r)-text") ?? old.text)
            }
            for i in task.indicators.indices {
                task.indicators[i].actual = value("\(id)-i\(i)-actual") ?? task.indicators[i].actual
                task.indicators[i].target = value("\(id)-i\(i)-target") ?? task.indicators[i].target
                task.indicators[i].name = value("\(id)-i\(i)-name") ?? task.indicators[i].name
                task.indicators[i].measure = value("\(id)-i\(i)-measure") ?? task.indicators[i].measure
            }
            task.products = (0..<count("\(id)-p-count", task.products.count)).map { p in
                var product = p < task.products.count ? task.products[p] : ProductFields()
                product.text = value("\(id)-p\(p)-text") ?? product.text
                product.date = value("\(id)-p\(p)-date") ?? product.date
                if value("\(id)-p\(p)-file-remove") != nil { product.file = nil }
                return product
            }
            task.difficulties = (0..<count("\(id)-d-count", task.difficulties.count)).map { d in
                let old = d < task.difficulties.count ? task.difficulties[d] : KindText()
                return KindText(kind: value("\(id)-d\(d)-kind") ?? old.kind, text: value("\(id)-d\(d)-text") ?? old.text)
            }
            task.proposals = (0..<count("\(id)-o-count", task.proposals.count)).map { o in
                let old = o < task.proposals.count ? task.proposals[o] : KindText()
                return KindText(kind: value("\(id)-o\(o)-kind") ?? old.kind, text: value("\(id)-o\(o)-text") ?? old.text)
            }
            task.funding = (0..<count("\(id)-f-count", task.funding.count)).map { f in
                let old = f < task.funding.count ? task.funding[f] : FundingFields()
                return FundingFields(source: value("\(id)-f\(f)-source") ?? old.source, amount: value("\(id)-f\(f)-amount") ?? old.amount)
            }
            draft.tasks[t] = task
        }
        return draft
    }

    /// Adds or removes a row or a task.
    static func perform(_ action: Action, on draft: inout ReportDraft, newTask: String?, plan: Plan) {
        switch action {
        case .addRow(let t, let list) where draft.tasks.indices.contains(t):
            switch list {
            case "r": draft.tasks[t].results.append(MonthText())
            case "p": draft.tasks[t].products.append(ProductFields())
            case "d": draft.tasks[t].difficulties.append(KindText(kind: "other"))
            case "o": draft.tasks[t].proposals.append(KindText(kind: "ministry"))
            case "f": draft.tasks[t].funding.append(FundingFields(source: "state-budget"))
            default: break
            }
        case .removeRow(let t, let list, let row) where draft.tasks.indices.contains(t):
            func drop<T>(_ rows: inout [T]) { if rows.indices.contains(row) { rows.remove(at: row) } }
            switch list {
            case "r": drop(&draft.tasks[t].results)
            case "p": drop(&draft.tasks[t].products)
            case "d": drop(&draft.tasks[t].difficulties)
            case "o": drop(&draft.tasks[t].proposals)
            case "f": drop(&draft.tasks[t].funding)
            default: break
            }
        case .addTask:
            guard let code = newTask, addableTasks(draft, plan: plan).contains(where: { $0.code == code }) else { return }
            var task = TaskFields(code: code, role: .coordinating)
            task.indicators = plan.indicators.filter { $0.tasks.contains(code) }.map { IndicatorFields(code: $0.code) }
            task.results = [MonthText()]
            draft.tasks.append(task)
        case .removeTask(let t) where draft.tasks.indices.contains(t) && draft.tasks[t].role == .coordinating:
            draft.tasks.remove(at: t)
        default: break
        }
    }

    /// Tasks the unit coordinates in that year and may add to its report.
    static func addableTasks(_ draft: ReportDraft, plan: Plan) -> [PlanTask] {
        plan.tasks.filter { task in
            task.lead != draft.unit && task.coordinating.units.contains(draft.unit) && task.schedule.isActive(in: draft.year)
                && !draft.tasks.contains { $0.code == task.code }
        }
    }

    // MARK: the page

    /// The checker speaks to people who write XML (`"completed"`); the form's
    /// clerk chose "Đã hoàn thành" from a list: the message says that.
    static func inWords(_ message: String) -> String {
        var said = message
        for status in TaskStatus.allCases {
            if let state = TaskState(rawValue: status.rawValue) { said = said.replacingOccurrences(of: "\"\(status.rawValue)\"", with: "\"\(Words.task(state))\"") }
        }
        for kind in DifficultyKind.allCases { said = said.replacingOccurrences(of: "\"\(kind.rawValue)\"", with: "\"\(Words.difficulty(kind))\"") }
        for to in ProposalAddressee.allCases { said = said.replacingOccurrences(of: "\"\(to.rawValue)\"", with: "\"\(Words.addressee(to))\"") }
        for source in FundingSource.allCases { said = said.replacingOccurrences(of: "\"\(source.rawValue)\"", with: "\"\(Words.funding(source))\"") }
        return said
    }

    /// A problem the checker found, placed: beside a field when it points at one.
    struct Problem {
        var field: String?
        var message: String
        var code: String
        var isError: Bool
    }

    static func values(_ draft: ReportDraft, plan: Plan, problems: [Problem], notice: String?, stale: ReportDraft?) -> [String: Any] {
        let isPlan = draft.kind == .plan
        let problems = problems.map { problem in
            var said = problem
            said.message = inWords(problem.message)
            return said
        }
        var byField: [String: [String]] = [:]
        for problem in problems { if let field = problem.field { byField[field, default: []].append(problem.message) } }
        var fieldsUsed = Set<String>()
        func field(_ id: String, _ value: String, label: String) -> [String: Any] {
            fieldsUsed.insert(id)
            // Every key set, even empty: Mustache would look a missing one up in the page around it.
            let messages = byField[id] ?? []
            return ["id": id, "value": value, "label": label, "fieldErrors": messages, "invalid": !messages.isEmpty]
        }
        func options(_ pairs: [(String, String)], selected: String) -> [[String: Any]] {
            pairs.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == selected] }
        }
        let statusOptions = TaskStatus.allCases.map { ($0.rawValue, TaskState(rawValue: $0.rawValue).map(Words.task) ?? $0.rawValue) }
        let difficultyOptions = DifficultyKind.allCases.map { ($0.rawValue, Words.difficulty($0)) }
        let proposalOptions = ProposalAddressee.allCases.map { ($0.rawValue, Words.addressee($0)) }
        let fundingOptions = FundingSource.allCases.map { ($0.rawValue, Words.funding($0)) }
        let tasks: [[String: Any]] = draft.tasks.enumerated().map { t, task in
            let id = "t\(t)"
            let planTask = plan.task(task.code)
            var entry: [String: Any] = [
                "index": t, "code": task.code, "title": planTask?.title ?? task.code,
                "role": task.role == .lead ? "Chủ trì" : "Phối hợp", "removable": task.role == .coordinating,
                "responsible": field("\(id)-responsible", task.responsible, label: "Cá nhân chủ trì"),
                "resultCount": task.results.count, "productCount": task.products.count,
                "difficultyCount": task.difficulties.count, "proposalCount": task.proposals.count, "fundingCount": task.funding.count,
            ]
            if !isPlan {
                var status = field("\(id)-status", task.status, label: "Tình trạng")
                status["options"] = options(statusOptions, selected: task.status)
                entry["status"] = status
                entry["progress"] = field("\(id)-progress", task.progress, label: "Tiến độ (%)")
            }
            entry["results"] = task.results.enumerated().map { r, row -> [String: Any] in
                ["row": r, "task": t, "month": field("\(id)-r\(r)-month", row.month, label: "Tháng (YYYY-MM)"),
                 "text": field("\(id)-r\(r)-text", row.text, label: isPlan ? "Kết quả dự kiến" : "Kết quả đạt được")]
            }
            entry["indicators"] = task.indicators.enumerated().map { i, indicator -> [String: Any] in
                let definition = plan.indicators.first { $0.code == indicator.code }
                var row: [String: Any] = [
                    "row": i, "code": indicator.code,
                    "name": definition?.name ?? (indicator.name.isEmpty ? indicator.code : indicator.name),
                    "measure": definition?.measure ?? indicator.measure,
                    "target": field("\(id)-i\(i)-target", indicator.target, label: "Mục tiêu"),
                ]
                if !isPlan { row["actual"] = field("\(id)-i\(i)-actual", indicator.actual, label: "Thực hiện") }
                if definition == nil {
                    row["own"] = true
                    row["ownName"] = field("\(id)-i\(i)-name", indicator.name, label: "Tên chỉ số")
                    row["ownMeasure"] = field("\(id)-i\(i)-measure", indicator.measure, label: "Đơn vị tính")
                }
                return row
            }
            if !isPlan {
                entry["products"] = task.products.enumerated().map { p, product -> [String: Any] in
                    var row: [String: Any] = ["row": p, "task": t, "text": field("\(id)-p\(p)-text", product.text, label: "Sản phẩm"),
                                              "date": field("\(id)-p\(p)-date", product.date, label: "Ngày (YYYY-MM-DD)"),
                                              "file": field("\(id)-p\(p)-file", "", label: "Tệp minh chứng")]
                    if let file = product.file {
                        row["attached"] = ["name": file.name, "sha256": file.sha256, "size": VietnameseNumber.format(file.size)]
                    }
                    return row
                }
                entry["difficulties"] = task.difficulties.enumerated().map { d, row -> [String: Any] in
                    var kind = field("\(id)-d\(d)-kind", row.kind, label: "Loại khó khăn")
                    kind["options"] = options(difficultyOptions, selected: row.kind)
                    return ["row": d, "task": t, "kind": kind, "text": field("\(id)-d\(d)-text", row.text, label: "Khó khăn, vướng mắc")]
                }
                entry["proposals"] = task.proposals.enumerated().map { o, row -> [String: Any] in
                    var kind = field("\(id)-o\(o)-kind", row.kind, label: "Kiến nghị với")
                    kind["options"] = options(proposalOptions, selected: row.kind)
                    return ["row": o, "task": t, "kind": kind, "text": field("\(id)-o\(o)-text", row.text, label: "Đề xuất, kiến nghị")]
                }
            }
            entry["funding"] = task.funding.enumerated().map { f, row -> [String: Any] in
                var source = field("\(id)-f\(f)-source", row.source, label: "Nguồn kinh phí")
                source["options"] = options(fundingOptions, selected: row.source)
                let amount = Numbers.amount(row.amount)
                return ["row": f, "task": t, "source": source,
                        "amount": field("\(id)-f\(f)-amount", Int64(amount).map(VietnameseNumber.format) ?? row.amount,
                                        label: isPlan ? "Kinh phí dự kiến (đồng)" : "Kinh phí (đồng)")]
            }
            return entry
        }
        var values: [String: Any] = [
            "isPlan": isPlan, "year": draft.year, "id": draft.id, "version": draft.version,
            "heading": isPlan ? "Kế hoạch triển khai chi tiết năm \(draft.year)" : "Báo cáo kết quả thực hiện năm \(draft.year)",
            "kindSlug": isPlan ? "ke-hoach" : "bao-cao",
            "preparerName": field("preparer-name", draft.preparer.name, label: "Họ và tên"),
            "preparerPosition": field("preparer-position", draft.preparer.position, label: "Chức vụ"),
            "preparerEmail": field("preparer-email", draft.preparer.email, label: "Thư điện tử"),
            "preparerPhone": field("preparer-phone", draft.preparer.phone, label: "Điện thoại"),
            "tasks": tasks,
            "addable": addableTasks(draft, plan: plan).map { ["code": $0.code, "title": $0.title] },
        ]
        values["hasAddable"] = !(values["addable"] as? [Any] ?? []).isEmpty
        if let supersedes = draft.supersedes { values["supersedes"] = supersedes }
        if let by = draft.updatedBy, let at = draft.updatedAt { values["saved"] = "Lưu lần cuối: \(by), \(Pages.instant(at))" }
        if let notice { values["notice"] = notice }
        if let stale, let by = stale.updatedBy, let at = stale.updatedAt {
            values["stale"] = "Bản nháp đã được \(by) lưu lúc \(Pages.instant(at)), sau khi trang này được mở. Nội dung dưới đây là của bạn, "
                + "chưa được lưu; bấm \"Lưu nháp\" lần nữa để ghi đè, hoặc tải lại trang để xem bản của \(by)."
        }
        let errors = problems.filter(\.isError)
        let warnings = problems.filter { !$0.isError }
        values["errors"] = errors.map { problem -> [String: Any] in
            var line: [String: Any] = ["message": problem.message, "code": problem.code]
            if let field = problem.field, fieldsUsed.contains(field) { line["field"] = field }
            return line
        }
        values["hasErrors"] = !errors.isEmpty
        values["errorCount"] = errors.count
        values["warnings"] = warnings.map { ["message": $0.message, "code": $0.code] }
        values["hasWarnings"] = !warnings.isEmpty
        return values
    }
}
