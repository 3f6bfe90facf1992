import Foundation
import XMLKit

/// `docProps/app.xml`: names the producing application, nothing volatile.
enum AppPropertiesPart {
    static func xml() throws -> Data {
        try XMLWriter.part { x in
            try x.root("Properties", namespaces: ["": Namespace.extendedProperties, "vt": Namespace.docPropsVTypes]) {
                try x.element("Template", text: "Normal.dotm")
                try x.element("Application", text: "baocao")
                try x.element("DocSecurity", text: "0")
            }
        }
    }
}
