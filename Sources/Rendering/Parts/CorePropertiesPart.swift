import Foundation
import ReportModel
import XMLKit

/// `docProps/core.xml`: title, creator, language and the caller's fixed dates.
enum CorePropertiesPart {
    static func xml(_ metadata: DocumentMetadata) throws -> Data {
        try XMLWriter.part { x in
            try x.root("cp:coreProperties", namespaces: ["cp": Namespace.coreProperties, "dc": Namespace.dc,
                                                         "dcterms": Namespace.dcterms, "dcmitype": Namespace.dcmitype,
                                                         "xsi": Namespace.xsi]) {
                try x.element("dc:title", text: metadata.title)
                if let subject = metadata.subject { try x.element("dc:subject", text: subject) }
                try x.element("dc:creator", text: metadata.creator)
                try x.element("cp:lastModifiedBy", text: metadata.creator)
                try x.element("dc:language", text: metadata.language)
                try x.element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"]) { try x.text(stamp(metadata.created)) }
                try x.element("dcterms:modified", ["xsi:type": "dcterms:W3CDTF"]) { try x.text(stamp(metadata.modified)) }
            }
        }
    }

    /// Midnight UTC of the day: `2026-12-01T00:00:00Z`.
    static func stamp(_ date: CalendarDate) -> String { "\(date.description)T00:00:00Z" }
}
