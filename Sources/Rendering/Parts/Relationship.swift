import Foundation
import XMLKit

/// One OPC relationship, and the `.rels` part that lists them.
struct Relationship: Hashable, Sendable {
    var id: String
    var type: String
    var target: String

    static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
    static let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    static let settings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
    static let fontTable = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
    static let header = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
    static let chart = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"

    /// The `.rels` part, relationships in the order given.
    static func part(_ relationships: [Relationship]) throws -> Data {
        try XMLWriter.part { x in
            try x.root("Relationships", namespaces: ["": Namespace.packageRelationships]) {
                for r in relationships {
                    try x.element("Relationship", ["Id": r.id, "Type": r.type, "Target": r.target])
                }
            }
        }
    }
}
