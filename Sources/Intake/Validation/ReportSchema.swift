import Foundation
import XMLKit

/// The report schema, checked in two steps for speed, with the findings of
/// the schema as shipped.
///
/// libxml2 runs the schema's not-blank pattern (`\s*\S[\s\S]*`) as an
/// automaton over every character of every text it applies to: 58 % of
/// xmllint's time on the benchmark's reports. Intake first validates against
/// the same schema without that pattern, then looks for a blank value where
/// the pattern applied, on the tree it has read anyway, stopping at each
/// value's first non-space. Only a document that breaks the lean schema, or
/// has such a blank value, is validated again against the whole schema,
/// whose findings (all of them, in their order and words) are the answer.
/// So a valid report pays for the pattern with a byte or two per value.
public struct ReportSchema: Sendable {
    /// The schema as shipped.
    let whole: XMLSchema
    /// The schema without the pattern, and where the pattern applied; nil
    /// when the schema uses the pattern in a way not followed here (then
    /// every document is checked against `whole` alone).
    let lean: Lean?

    struct Lean: Sendable {
        let schema: XMLSchema
        /// Local names of the elements whose text must not be blank.
        let elements: Set<String>
        /// Local names of the attributes whose value must not be blank.
        let attributes: Set<String>
    }

    /// The pattern as the schema writes it, and the facet that carries it.
    static let notBlank = #"\s*\S[\s\S]*"#
    private static let facet = #"<xs:pattern value="\s*\S[\s\S]*"/>"#

    /// Compiles the schema in `bytes`, and its lean form when it can be made.
    init(bytes: [UInt8]) throws(XMLParseFailure) {
        whole = try XMLSchema(bytes: bytes)
        lean = Self.lean(of: bytes)
    }

    /// Every way `document` breaks the schema; empty when it is valid.
    /// `root` is the document's root element (`XMLTree.root`).
    public func validate(_ document: XMLTree, root: XMLElementView?) -> [XMLProblem] {
        guard let lean, let root else { return whole.validate(document) }
        if lean.schema.validate(document).isEmpty && !lean.hasBlank(root) { return [] }
        return whole.validate(document)
    }

    /// The shipped schema's own answer, in one step: for the fuzzer's cross-check.
    public func validateWhole(_ document: XMLTree) -> [XMLProblem] { whole.validate(document) }

    /// The lean schema: the shipped one without the not-blank facet, with
    /// the names of everything declared with a type that carried it.
    private static func lean(of bytes: [UInt8]) -> Lean? {
        let text = String(decoding: bytes, as: UTF8.self)
        let facets = text.components(separatedBy: facet).count - 1
        guard facets > 0, let tree = try? XMLTree.parse(bytes), let schema = tree.rootElement() else { return nil }
        var declarations: [XMLElementNode] = []
        collect(schema, into: &declarations)
        func local(_ qualified: String?) -> String? { qualified.map { String($0.split(separator: ":").last ?? "") } }

        // Named simple types that restrict by this one pattern and nothing else
        // of the kind; the pattern nowhere else.
        let simple = schema.children(named: "simpleType").filter { type in
            guard let patterns = type.child(named: "restriction")?.children(named: "pattern") else { return false }
            return patterns.count == 1 && patterns[0].attributes["value"] == notBlank
        }
        let everywhere = declarations.filter { $0.name == "pattern" && $0.attributes["value"] == notBlank }.count
        let simpleNames = Set(simple.compactMap { $0.attributes["name"] })
        guard simple.count == facets, everywhere == facets, simpleNames.count == simple.count else { return nil }
        // Named complex types whose simple content extends one of them.
        let complex = schema.children(named: "complexType").filter { type in
            local(type.child(named: "simpleContent")?.child(named: "extension")?.attributes["base"]).map(simpleNames.contains) ?? false
        }
        let complexNames = Set(complex.compactMap { $0.attributes["name"] })
        guard complexNames.count == complex.count else { return nil }

        var elements: Set<String> = []
        var attributes: Set<String> = []
        var followed = complex.count
        for node in declarations {
            let type = local(node.attributes["type"])
            if node.name == "element", let type, simpleNames.contains(type) || complexNames.contains(type), let name = node.attributes["name"] {
                elements.insert(name)
                followed += 1
            } else if node.name == "attribute", let type, simpleNames.contains(type), let name = node.attributes["name"] {
                attributes.insert(name)
                followed += 1
            }
        }
        // Every mention of these types must be one followed above (not a
        // restriction, union or list built on them, nor a local declaration
        // under another name).
        let targets = simpleNames.union(complexNames)
        let mentions = declarations.reduce(0) { count, node in
            count + node.attributes.filter { key, value in
                key != "name" && value.split(whereSeparator: { $0 == " " }).contains { local(String($0)).map(targets.contains) ?? false }
            }.count
        }
        guard mentions == followed, !elements.isEmpty || !attributes.isEmpty else { return nil }
        let leanText = text.replacingOccurrences(of: facet, with: "")
        guard let compiled = try? XMLSchema(bytes: Array(leanText.utf8)) else { return nil }
        return Lean(schema: compiled, elements: elements, attributes: attributes)
    }

    private static func collect(_ node: XMLElementNode, into all: inout [XMLElementNode]) {
        all.append(node)
        for child in node.children { collect(child, into: &all) }
    }
}

extension ReportSchema.Lean {
    /// Whether a value the pattern applied to is blank anywhere under
    /// `node`. An element of those names with elements inside is counted as
    /// blank too: the lean schema refuses it anyway, so the whole one speaks.
    func hasBlank(_ node: XMLElementView) -> Bool {
        if elements.contains(node.name) && (node.hasChildElements || node.textIsBlank) { return true }
        for name in attributes where node.attributeIsBlank(name) { return true }
        return node.children.contains(where: hasBlank)
    }
}
