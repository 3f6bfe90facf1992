import ReportModel

/// What the header block of an official document says (Decree 30, Appendix I).
public struct OfficialHeader: Hashable, Sendable {
    /// The agency above the issuer (`BỘ KHOA HỌC VÀ CÔNG NGHỆ`), or nil when
    /// the issuer is itself the top (a Ministry writing to the Prime Minister).
    public var parentAgency: String?
    /// The issuing agency (`VỤ KINH TẾ VÀ XÃ HỘI SỐ`).
    public var issuingAgency: String
    public var number: DocumentNumber
    /// Place of issue (`Hà Nội`).
    public var place: String
    public var date: CalendarDate
    /// A letter's (công văn) summary under its number: `V/v đôn đốc …`.
    public var summary: String?

    public init(parentAgency: String?, issuingAgency: String, number: DocumentNumber, place: String,
                date: CalendarDate, summary: String? = nil) {
        self.parentAgency = parentAgency
        self.issuingAgency = issuingAgency
        self.number = number
        self.place = place
        self.date = date
        self.summary = summary
    }
}
