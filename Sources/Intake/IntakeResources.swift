import Foundation
import ReportModel
import XMLKit

/// The plan and the compiled schemas, loaded once at start-up.
///
/// They ship as resources beside the binary; `--plan FILE` swaps the plan
/// for another data file, which must pass `plan.xsd` too.
public struct IntakeResources: Sendable {
    public let plan: Plan
    public let reportSchema: ReportSchema
    public let manifestSchema: XMLSchema
    /// The secretariat's notes (`--notes FILE`).
    public let notesSchema: XMLSchema

    /// The shipped resources, or the plan at `planFile`.
    public static func load(planFile: URL? = nil) throws(ResourceError) -> IntakeResources {
        let planSchema = try schema("plan")
        let planURL = planFile ?? planURL()
        let plan = try PlanLoader.load(from: planURL, schema: planSchema)
        return IntakeResources(plan: plan, reportSchema: try schema("report", ReportSchema.init), manifestSchema: try schema("manifest"),
                               notesSchema: try schema("notes"))
    }

    /// The shipped report schema, for `xmllint` and for units' tools.
    public static func reportSchemaURL() -> URL { resourceURL("schemas/report.xsd") }

    /// The shipped plan definition.
    public static func planURL() -> URL { resourceURL("plan/KH-433.xml") }

    static func resourceURL(_ relative: String) -> URL {
        (Bundle.module.url(forResource: "Resources", withExtension: nil) ?? Bundle.module.bundleURL.appendingPathComponent("Resources"))
            .appendingPathComponent(relative)
    }

    private static func schema<Schema>(_ name: String, _ compile: ([UInt8]) throws(XMLParseFailure) -> Schema = XMLSchema.init)
        throws(ResourceError) -> Schema {
        let url = resourceURL("schemas/\(name).xsd")
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw ResourceError(file: url.path, problems: ["cannot read the file"])
        }
        do {
            return try compile([UInt8](bytes))
        } catch {
            throw ResourceError(file: url.path, problems: error.problems.map(\.message))
        }
    }
}

/// A shipped or given resource that cannot be used: nothing runs without it.
public struct ResourceError: ExplainedError, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [String]
    public var description: String { "\(file): " + problems.joined(separator: "; ") }
    public var vietnamese: String { "Không dùng được tệp \(file): " + problems.joined(separator: "; ") + "." }
    public var english: String { "cannot use \(file): " + problems.joined(separator: "; ") }
}
