import Foundation
import XMLKit

/// `word/fontTable.xml`: the one font used, so Word substitutes sensibly
/// where Times New Roman is missing.
enum FontTablePart {
    static func xml() throws -> Data {
        try XMLWriter.part { x in
            try x.root("w:fonts", namespaces: ["w": Namespace.w]) {
                try x.element("w:font", ["w:name": HouseStyle.font]) {
                    try x.element("w:panose1", ["w:val": "02020603050405020304"])
                    try x.element("w:charset", ["w:val": "00"])
                    try x.element("w:family", ["w:val": "roman"])
                    try x.element("w:pitch", ["w:val": "variable"])
                }
            }
        }
    }
}
