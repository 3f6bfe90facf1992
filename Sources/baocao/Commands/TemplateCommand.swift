import ArgumentParser
import Foundation
import Intake
import ReportModel

/// `baocao template --unit U --year Y`: a report skeleton for the unit's due tasks.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Tạo mẫu báo cáo gồm các nhiệm vụ đơn vị chủ trì và chỉ số (report skeleton for a unit).")

    @Option(help: "Mã đơn vị (unit code).")
    var unit: String

    @Option(help: "Năm báo cáo (report year).")
    var year: Int

    @Option(name: .customLong("out"), help: "Ghi ra tệp thay vì màn hình (write to a file).")
    var output: String?

    @Option(help: "annual (mặc định): mẫu báo cáo; plan: mẫu kế hoạch triển khai chi tiết (what to make a skeleton of).")
    var kind: ReportKind = .annual

    @OptionGroup var options: CommonOptions

    func run() throws {
        let resources = try options.resources()
        guard resources.plan.unit(unit) != nil else { throw CommandFailure.usage("đơn vị \(unit) không có trong danh mục đơn vị của Kế hoạch (unit not in the registry)") }
        guard resources.plan.years.contains(year) else {
            throw CommandFailure.usage("năm \(year) nằm ngoài thời gian của Kế hoạch (\(resources.plan.firstYear)–\(resources.plan.lastYear)) (year outside the plan)")
        }
        guard !ReportTemplate.tasks(plan: resources.plan, unit: unit, year: year).isEmpty else {
            throw CommandFailure.usage("đơn vị \(unit) không chủ trì hay phối hợp nhiệm vụ nào phải báo cáo năm \(year) (no task to report)")
        }
        let xml = kind == .plan
            ? try ReportTemplate.planXML(plan: resources.plan, unit: unit, year: year)
            : try ReportTemplate.xml(plan: resources.plan, unit: unit, year: year)
        if let output {
            try xml.write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(xml)
        }
    }
}
