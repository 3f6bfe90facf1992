import Foundation
import XMLKit

/// `word/settings.xml`: Vietnamese proofing, a 1.27 cm default tab, Word
/// 2013+ layout (`compatibilityMode` 15) so Word does not open the file in
/// compatibility mode; a justified line ending in a manual line break is
/// not stretched (`doNotExpandShiftReturn`).
enum SettingsPart {
    static func xml() throws -> Data {
        try XMLWriter.part { x in
            try x.root("w:settings", namespaces: ["w": Namespace.w]) {
                try x.element("w:zoom", ["w:percent": "100"])
                try x.element("w:defaultTabStop", ["w:val": "720"])
                try x.element("w:characterSpacingControl", ["w:val": "doNotCompress"])
                try x.element("w:compat") {
                    try x.element("w:doNotExpandShiftReturn")
                    try x.element("w:compatSetting", ["w:name": "compatibilityMode",
                                                      "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"])
                }
                try x.element("w:themeFontLang", ["w:val": "vi-VN"])
                try x.element("w:decimalSymbol", ["w:val": ","])
                try x.element("w:listSeparator", ["w:val": ";"])
            }
        }
    }
}
