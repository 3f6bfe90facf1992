import Rendering
import ReportModel
import Testing

@Suite struct VietnameseDateTests {
    @Test(arguments: [
        (CalendarDate(year: 2026, month: 12, day: 1), "ngày 01 tháng 12 năm 2026"),
        (CalendarDate(year: 2026, month: 2, day: 5), "ngày 05 tháng 02 năm 2026"),
        (CalendarDate(year: 2026, month: 3, day: 15), "ngày 15 tháng 3 năm 2026"),
        (CalendarDate(year: 2026, month: 11, day: 9), "ngày 09 tháng 11 năm 2026"),
        (CalendarDate(year: 2027, month: 1, day: 31), "ngày 31 tháng 01 năm 2027"),
        (CalendarDate(year: 2027, month: 10, day: 10), "ngày 10 tháng 10 năm 2027"),
    ])
    func longForm(date: CalendarDate, expected: String) {
        #expect(VietnameseDate.long(date) == expected)
    }

    @Test func placeAndDate() {
        #expect(VietnameseDate.placeAndDate("Hà Nội", CalendarDate(year: 2026, month: 12, day: 1))
                == "Hà Nội, ngày 01 tháng 12 năm 2026")
    }

    @Test func shortForm() {
        #expect(VietnameseDate.short(CalendarDate(year: 2026, month: 3, day: 5)) == "05/03/2026")
    }

    @Test func documentNumber() {
        #expect(DocumentNumber(number: 5, symbol: "BC-KTXHS").text == "Số: 05/BC-KTXHS")
        #expect(DocumentNumber(number: 123, symbol: "BC-BKHCN").text == "Số: 123/BC-BKHCN")
        #expect(DocumentNumber(number: nil, symbol: "BC-KTXHS").text == "Số:      /BC-KTXHS")
    }

    @Test func recipientLines() {
        let block = SignatureBlock(recipients: ["Như trên", "Lãnh đạo Bộ;"], archive: "VT, KTXHS", title: "Vụ trưởng")
        #expect(block.recipientLines == ["- Như trên;", "- Lãnh đạo Bộ;", "- Lưu: VT, KTXHS."])
    }
}
