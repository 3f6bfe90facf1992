/// Content types of the parts we write.
public enum ContentType {
    public static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
    public static let xml = "application/xml"
    public static let document = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    public static let styles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
    public static let settings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
    public static let fontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
    public static let header = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
    public static let chart = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    public static let coreProperties = "application/vnd.openxmlformats-package.core-properties+xml"
    public static let extendedProperties = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
}
